import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { ApiException } from '../errors/api.exception';

/**
 * rate-limiter-flexible's login brute-force pattern: consecutive failures per username and
 * address (reset by a success), and all failures per address per day. Counters live in
 * PostgreSQL (table login_attempts, from the migrations) so that they survive restarts and
 * are shared by every instance behind one database.
 */
export const LOGIN_LIMITS = {
  consecutiveFailures: { points: 10, duration: 90 * 24 * 3600, blockSeconds: 15 * 60 },
  failuresPerAddressPerDay: { points: 100, duration: 24 * 3600, blockSeconds: 24 * 3600 },
} as const;

export class TooManyLoginAttempts extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super('TOO_MANY_ATTEMPTS', {
      zh: `登录失败次数过多，请${minutes}分钟后再试`,
      en: `Too many failed logins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    });
  }
}

@Injectable()
export class LoginThrottle {
  private readonly byUsernameAndAddress: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() db: DataSource) {
    const store = { storeClient: db, storeType: 'typeorm', tableName: 'login_attempts', tableCreated: true };
    this.byUsernameAndAddress = new RateLimiterPostgres({ ...store, keyPrefix: 'login_user_ip', ...LOGIN_LIMITS.consecutiveFailures });
    this.byAddress = new RateLimiterPostgres({ ...store, keyPrefix: 'login_ip_day', ...LOGIN_LIMITS.failuresPerAddressPerDay });
  }

  /** Refuses (429) before the password is even checked while either counter is blocked. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const [pair, day] = await Promise.all([this.byUsernameAndAddress.get(pairKey(username, address)), this.byAddress.get(address)]);
    const waits = [blockedFor(pair, this.byUsernameAndAddress.points), blockedFor(day, this.byAddress.points)];
    const wait = Math.max(...waits);
    if (wait > 0) throw new TooManyLoginAttempts(Math.ceil(wait / 1000));
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await Promise.all([
      this.countFailure(this.byUsernameAndAddress, pairKey(username, address), LOGIN_LIMITS.consecutiveFailures.blockSeconds),
      this.countFailure(this.byAddress, address, LOGIN_LIMITS.failuresPerAddressPerDay.blockSeconds),
    ]);
  }

  /** A success ends the run of consecutive failures; the address's daily count stays. */
  async recordSuccess(username: string, address: string): Promise<void> {
    await this.byUsernameAndAddress.delete(pairKey(username, address));
  }

  /**
   * The failure that uses the last point blocks the key, so the next attempt is refused.
   * Failures racing past the limit block it too (for the block's length, not the count's).
   */
  private async countFailure(limiter: RateLimiterPostgres, key: string, blockSeconds: number): Promise<void> {
    const result = await limiter.consume(key).catch((rejected: unknown) => rejected as RateLimiterRes);
    if (result instanceof Error) throw result;
    if (result.consumedPoints >= limiter.points) await limiter.block(key, blockSeconds);
  }
}

function pairKey(username: string, address: string): string {
  return `${username}_${address}`;
}

/** Milliseconds a key stays blocked (0 when it is not). block() stores points + 1. */
function blockedFor(result: RateLimiterRes | null, points: number): number {
  return result && result.consumedPoints > points ? result.msBeforeNext : 0;
}
