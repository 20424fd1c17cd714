import 'reflect-metadata';
import { type INestApplication, Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import { DataSource } from 'typeorm';
import { AppModule, type AppOptions } from './app.module';
import { DemoSeedService } from './database/seed/demo-seed.service';
import { JwtSecret } from './engine/auth/jwt-secret';
import { configurePgTypes } from './engine/database/pg-types';
import { ApiException } from './engine/errors/api.exception';
import { bodyFieldErrors } from './engine/errors/body-errors';
import { useRequestBodies } from './engine/errors/request-bodies';
import { setupOpenApi } from './engine/openapi/openapi.setup';

export interface CreateAppOptions extends AppOptions {
  /** Load the demo data set into an empty database (default true). */
  seedDemoData?: boolean;
  logger?: false;
}

/** Builds the whole application: migrations run, demo data seeded once, routes ready. */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  configurePgTypes();
  const app = await NestFactory.create(AppModule.forRoot(options), {
    logger: options.logger === false ? false : ['log', 'warn', 'error'],
  });
  useRequestBodies(app);
  app.setGlobalPrefix('api', { exclude: [] });
  // gzip (or brotli) for every compressible answer, the panel's script above all.
  app.use(compression());
  // Behind a reverse proxy the client's address (for the login throttle) is in X-Forwarded-For.
  const trustProxy = expressTrustProxy(process.env.TRUST_PROXY);
  if (trustProxy !== undefined) app.getHttpAdapter().getInstance().set('trust proxy', trustProxy);
  app.enableCors({ exposedHeaders: ['Content-Range'] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      exceptionFactory: (errors) => ApiException.validation(bodyFieldErrors(errors)),
    }),
  );
  const db = app.get(DataSource);
  const applied = await db.runMigrations({ transaction: 'all' });
  if (applied.length) new Logger('Database').log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  await app.get(JwtSecret).load(db, options.jwtSecretFile);
  if (options.seedDemoData !== false) await app.get(DemoSeedService).seedIfEmpty();
  setupOpenApi(app);
  return app;
}

/** TRUST_PROXY as Express takes it: a hop count, true/false, or addresses and names (`loopback`). */
function expressTrustProxy(value: string | undefined): number | boolean | string | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}
