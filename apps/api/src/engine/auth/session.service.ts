import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginResponse, Role, SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { verifyPassword } from './password';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  scope_path: string;
  password_hash: string | null;
  active: boolean;
  scope_label: string;
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
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const row = await this.findUser('u.username = $1', [username]);
    if (!row || !row.active || !(await verifyPassword(row.password_hash, password))) throw INVALID;
    const token = await this.jwt.signAsync({ sub: row.id });
    return { token, user: toSessionUser(row) };
  }

  async authenticate(token: string): Promise<SessionUser> {
    let userId: number;
    try {
      userId = (await this.jwt.verifyAsync<{ sub: number }>(token)).sub;
    } catch {
      throw unauthenticated();
    }
    const row = await this.findUser('u.id = $1', [userId]);
    if (!row || !row.active) throw unauthenticated();
    return toSessionUser(row);
  }

  private async findUser(where: string, params: unknown[]): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.scope_path, u.password_hash, u.active,
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
