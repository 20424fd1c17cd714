import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginResponse, Role, SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { JwtSecret } from './jwt-secret';
import { LoginThrottle } from './login-throttle';
import { hashPassword, needsRehash } from './password';
import { PasswordVerifier } from './password-verifier';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  scope_path: string;
  password_hash: string | null;
  active: boolean;
  token_version: number;
  scope_label: string;
}

/** What a login token carries: the user and the user's token version when it was issued. */
interface TokenClaims {
  sub: number;
  ver: number;
}

const INVALID = new ApiException('INVALID_CREDENTIALS', {
  zh: '用户名或密码错误',
  en: 'Wrong username or password',
});

/** Logins and bearer tokens. The user is re-read on every request, so deactivating a
 * user or moving them to another region takes effect at once. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordVerifier,
    private readonly throttle: LoginThrottle,
    private readonly secret: JwtSecret,
  ) {}

  /** `address` is the client's IP address, for the failed-login throttle. */
  async login(username: string, password: string, address: string): Promise<LoginResponse> {
    await this.throttle.assertAllowed(username, address);
    const row = await this.findUser('u.username = $1', [username]);
    const usable = row?.active ? row.password_hash : null;
    const verified = await this.passwords.verify(usable, password);
    if (!row || !verified) {
      await this.throttle.recordFailure(username, address);
      throw INVALID;
    }
    await this.throttle.recordSuccess(username, address);
    if (usable && needsRehash(usable)) await this.rehash(row.id, usable, password);
    const token = await this.jwt.signAsync({ sub: row.id, ver: row.token_version } satisfies TokenClaims, { secret: this.secret.value });
    return { token, user: toSessionUser(row) };
  }

  async authenticate(token: string): Promise<SessionUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.secret.value });
    } catch {
      throw unauthenticated();
    }
    const row = await this.findUser('u.id = $1', [claims.sub]);
    if (!row) throw unauthenticated();
    if (claims.ver !== row.token_version) throw sessionRevoked();
    // Deactivation raises the version as well; the flag alone still locks the user out.
    if (!row.active) throw unauthenticated();
    return toSessionUser(row);
  }

  /** Replaces a hash made with older argon2 parameters; the same password, so sessions stay. */
  private async rehash(userId: number, old: string, password: string): Promise<void> {
    const fresh = await hashPassword(password);
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT set_config('zizhu.keep_sessions', 'on', true)`);
      await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash = $3`, [userId, fresh, old]);
    });
  }

  private async findUser(where: string, params: unknown[]): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.scope_path, u.password_hash, u.active,
              COALESCE(u.token_version, 0) AS token_version,
              COALESCE(s.name, r.name) AS scope_label
         FROM users u
         LEFT JOIN schools s ON s.id = u.school_id
         LEFT JOIN regions r ON r.id = u.region_id
        WHERE ${where}`,
      params,
    );
    return rows[0];
  }
}

export function unauthenticated(): ApiException {
  return new ApiException('UNAUTHENTICATED', { zh: '请先登录', en: 'Please log in' });
}

/** A token issued before the user's password, role or active flag changed. */
function sessionRevoked(): ApiException {
  return new ApiException('SESSION_REVOKED', {
    zh: '您的密码、角色或账号状态已变更，请重新登录',
    en: 'Your password, role or account status has changed: please log in again',
  });
}

function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    scopePath: row.scope_path,
    scopeLabel: row.scope_label,
  };
}
