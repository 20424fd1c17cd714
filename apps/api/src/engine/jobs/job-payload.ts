import { ROLES, type Role, type SessionUser } from '@zizhu/schema';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsString, Min, validateSync } from 'class-validator';

/**
 * A payload as its kind declares it, or an error naming what is wrong. Checked when a job
 * is sent (a programming error shows at once) and when it runs (a job queued by an older
 * release fails cleanly instead of halfway).
 */
export function checkedPayload<P extends object>(kind: { name: string; payload: new () => P }, data: unknown): P {
  const payload = plainToInstance(kind.payload, data ?? {});
  const errors = validateSync(payload, { forbidUnknownValues: false });
  if (errors.length) {
    const fields = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ') || 'invalid'}`);
    throw new Error(`job ${kind.name}: payload does not match its declaration (${fields.join('; ')})`);
  }
  return payload;
}

/** The user a job runs for, as they were signed in when they started it (scope, role). */
export class SessionUserPayload implements SessionUser {
  @IsInt()
  @Min(1)
  id!: number;

  @IsString()
  username!: string;

  @IsString()
  displayName!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsString()
  scopePath!: string;

  @IsString()
  scopeLabel!: string;
}

/** Only the session's fields: a request's user object may carry more. */
export function sessionUserPayload(user: SessionUser): SessionUserPayload {
  const { id, username, displayName, role, scopePath, scopeLabel } = user;
  return Object.assign(new SessionUserPayload(), { id, username, displayName, role, scopePath, scopeLabel });
}

/** Scheduled work that needs nothing but the clock. */
export class NoPayload {}
