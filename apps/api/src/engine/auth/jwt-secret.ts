import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSource } from 'typeorm';

const SECRET_NAME = 'jwt';

function newSecret(): string {
  return randomBytes(48).toString('base64url');
}

/**
 * The key that signs login tokens: `JWT_SECRET` when set; otherwise one generated on the
 * first start and kept, so a restart does not log everyone out — in a file beside the
 * embedded database's data (mode 0600), or, with DATABASE_URL, in that database's
 * app_secrets table (every instance on one database then accepts the same tokens).
 */
@Injectable()
export class JwtSecret {
  private secret?: string;

  get value(): string {
    if (!this.secret) throw new Error('JwtSecret.load() has not run');
    return this.secret;
  }

  async load(db: DataSource, secretFile?: string): Promise<void> {
    const configured = process.env.JWT_SECRET;
    if (configured) this.secret = configured;
    else if (secretFile) this.secret = secretFromFile(secretFile);
    else this.secret = await secretFromDatabase(db);
  }
}

/** Reads the secret file, creating it (0600, readable by its owner only) on first use. */
export function secretFromFile(path: string): string {
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept) return kept;
  }
  mkdirSync(dirname(path), { recursive: true });
  const secret = newSecret();
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  // The umask may have narrowed the mode, never widened it; an old file keeps its mode otherwise.
  chmodSync(path, 0o600);
  new Logger('Auth').log(`generated the login token key in ${path}`);
  return secret;
}

/** The database's secret; two instances starting at once agree on whichever was stored first. */
export async function secretFromDatabase(db: DataSource): Promise<string> {
  await db.query(`INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [SECRET_NAME, newSecret()]);
  const [row]: { value: string }[] = await db.query(`SELECT value FROM app_secrets WHERE name = $1`, [SECRET_NAME]);
  return row.value;
}
