import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { AID_QUERY_MESSAGES } from './aid-query-messages';
import { CHALLENGE_TTL_SECONDS } from './aid-query-challenge';

/**
 * What bounds the families' query (stated in the README): every query counts against its
 * address and its ID number; failed ones (no match, a wrong check, a malformed number)
 * count towards the challenge.
 */
export const AID_QUERY_LIMITS = {
  /** Queries from one address in an hour, whatever their outcome. */
  perAddress: { points: 20, duration: 3600 },
  /** Queries for one ID number in a day, from any address. */
  perIdNumber: { points: 10, duration: 24 * 3600 },
  /** Failed queries from one address in a day before each further query must carry a solved challenge. */
  failuresBeforeChallenge: { points: 3, duration: 24 * 3600 },
} as const;

export class TooManyAidQueries extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', AID_QUERY_MESSAGES.tooMany(Math.max(1, Math.ceil(retryAfterSeconds / 60))));
  }
}

/**
 * rate-limiter-flexible counters in PostgreSQL (`aid_query_limits`, the layout of
 * login_attempts), shared by every instance and kept across restarts. ID numbers are keyed
 * by their keyed hash, never in plain.
 */
@Injectable()
export class AidQueryLimits {
  private readonly byAddress: RateLimiterPostgres;
  private readonly byIdNumber: RateLimiterPostgres;
  private readonly failures: RateLimiterPostgres;
  private readonly usedChallenges: RateLimiterPostgres;

  constructor(@InjectDataSource() db: DataSource) {
    const store = { storeClient: db, storeType: 'typeorm', tableName: 'aid_query_limits', tableCreated: true };
    this.byAddress = new RateLimiterPostgres({ ...store, keyPrefix: 'aidq_ip', ...AID_QUERY_LIMITS.perAddress });
    this.byIdNumber = new RateLimiterPostgres({ ...store, keyPrefix: 'aidq_id', ...AID_QUERY_LIMITS.perIdNumber });
    this.failures = new RateLimiterPostgres({ ...store, keyPrefix: 'aidq_fail', ...AID_QUERY_LIMITS.failuresBeforeChallenge });
    this.usedChallenges = new RateLimiterPostgres({ ...store, keyPrefix: 'aidq_used', points: 1, duration: CHALLENGE_TTL_SECONDS });
  }

  /** Counts the query against its address and ID number; refuses (429) past either limit. */
  async count(address: string, idNumberHash: string): Promise<void> {
    for (const [limiter, key] of [
      [this.byAddress, address],
      [this.byIdNumber, idNumberHash],
    ] as const) {
      const result = await limiter.consume(key).catch((rejected: unknown) => rejected);
      if (result instanceof RateLimiterRes && result.consumedPoints > limiter.points) throw new TooManyAidQueries(Math.ceil(result.msBeforeNext / 1000));
      if (!(result instanceof RateLimiterRes)) throw result;
    }
  }

  async challengeNeeded(address: string): Promise<boolean> {
    const result = await this.failures.get(address);
    return (result?.consumedPoints ?? 0) >= this.failures.points;
  }

  async recordFailure(address: string): Promise<void> {
    // Past the limit the counter only keeps the challenge on: its refusal is not an error here.
    await this.failures.consume(address).catch((rejected: unknown) => {
      if (!(rejected instanceof RateLimiterRes)) throw rejected;
    });
  }

  /** True the first time a challenge's nonce is spent, false after: each solved challenge buys one query. */
  async spend(nonce: string): Promise<boolean> {
    const result = await this.usedChallenges.consume(nonce).catch((rejected: unknown) => rejected);
    if (!(result instanceof RateLimiterRes)) throw result;
    return result.consumedPoints <= 1;
  }
}
