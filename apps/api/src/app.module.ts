import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuthController } from './engine/auth/auth.controller';
import { AuthGuard } from './engine/auth/auth.guard';
import { JwtSecret } from './engine/auth/jwt-secret';
import { LoginThrottle } from './engine/auth/login-throttle';
import { PasswordVerifier } from './engine/auth/password-verifier';
import { SessionService } from './engine/auth/session.service';
import { dataSourceOptions } from './database/data-source-options';
import { ApiExceptionFilter } from './engine/errors/api-exception.filter';
import { ExportModule } from './engine/export/export.module';
import { setPanelCacheHeaders } from './engine/http/panel-cache-headers';
import { FileModule } from './engine/files/file.module';
import { HealthController } from './engine/health/health.controller';
import { ImportModule } from './engine/imports/import.module';
import { RecordHistoryModule } from './engine/audit/record-history.module';
import { JobsModule } from './engine/jobs/jobs.module';
import { PdfModule } from './engine/pdf/pdf.module';
import { ResourceModule } from './engine/rest/resource.module';
import { SchemaController } from './engine/schema/schema.controller';
import { ComparisonModule } from './modules/comparison/comparison.module';
import { OmissionModule } from './modules/omissions/omission.module';
import { ProgramsModule } from './modules/programs/programs.module';
import { FundsModule } from './modules/funds/funds.module';
import { TodoModule } from './modules/todo/todo.module';
import { CluesModule } from './modules/clues/clues.module';
import { ChecksModule } from './modules/checks/checks.module';
import { AuditRulesModule } from './modules/checks/audit-rules/audit-rules.module';
import { InspectionsModule } from './modules/inspections/inspections.module';
import { InspectionReportModule } from './modules/inspections/report/inspection-report.module';
import { InspectionStatisticsModule } from './modules/inspections/statistics/inspection-statistics.module';
import { PlansModule } from './modules/plans/plans.module';
import { LettersModule } from './modules/outreach/letters/letters.module';
import { FollowUpsModule } from './modules/outreach/follow-ups/follow-ups.module';
import { PublicQueryModule } from './modules/outreach/public-query/public-query.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { DemoSeedService } from './database/seed/demo-seed.service';

export interface AppOptions {
  databaseUrl: string;
  /** Where to keep the generated login token key when JWT_SECRET is unset (the embedded
   * database's side); without it, in the database. */
  jwtSecretFile?: string;
  /** Built panel to serve at `/`; skipped when it has not been built. */
  adminDist?: string;
}

export const DEFAULT_ADMIN_DIST = join(__dirname, '../../admin/dist');

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const adminDist = options.adminDist ?? DEFAULT_ADMIN_DIST;
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl)),
        // The key comes from JwtSecret, loaded once the migrations have run.
        JwtModule.register({ signOptions: { expiresIn: '8h' } }),
        ...(existsSync(join(adminDist, 'index.html'))
          ? [
              // A script or style that is not there (an old tab asking for the previous release's
              // chunk) is a 404, not the page: the panel can then tell the user to reload.
              ServeStaticModule.forRoot({ rootPath: adminDist, exclude: ['/api/{*path}', '/assets/{*path}'], serveStaticOptions: { setHeaders: setPanelCacheHeaders } }),
            ]
          : []),
        JobsModule,
        PdfModule,
        ExportModule,
        ImportModule,
        RecordHistoryModule,
        FileModule,
        ComparisonModule,
        OmissionModule,
        ProgramsModule,
        FundsModule,
        TodoModule,
        CluesModule,
        // No module route meets a generic one, so the order of these modules does not matter (app-routes.integration.spec.ts).
        ResourceModule,
        ChecksModule,
        AuditRulesModule,
        InspectionsModule,
        InspectionReportModule,
        InspectionStatisticsModule,
        PlansModule,
        LettersModule,
        FollowUpsModule,
        PublicQueryModule,
        ReviewsModule,
      ],
      controllers: [AuthController, SchemaController, HealthController],
      providers: [
        SessionService,
        PasswordVerifier,
        LoginThrottle,
        JwtSecret,
        DemoSeedService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
