import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AidQueryAnswer, type AidQueryChallenge, type AidQueryPayment, findIdNumberFault, ID_NUMBER_MESSAGES, normalizeIdNumber } from '@zizhu/schema';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { CHALLENGE_TTL_SECONDS, drawChallenge, verifyChallenge } from './aid-query-challenge';
import { AidQueryLimits } from './aid-query-limits';
import { AID_QUERY_MESSAGES } from './aid-query-messages';
import type { AidQueryDto } from './dtos/aid-query.dto';

/** What the log records of each query (never the ID number itself: its keyed hash). */
export type AidQueryOutcome = 'found' | 'noPayments' | 'nameMismatch' | 'noStudent' | 'invalidIdNumber' | 'limited' | 'challengeRequired' | 'challengeFailed';

/**
 * Every answer about the records takes at least this long, whether a student was found or
 * not, so that timing does not tell an unknown ID number from a wrong name.
 */
export const MIN_ANSWER_MS = 250;

/** The key in `app_secrets` that signs challenges and hashes ID numbers for the log and the limits. */
const SECRET_NAME = 'aid-query';

const NO_AID: AidQueryAnswer = { payments: [], total: 0 };

/** Names as people type them: full-width letters, spaces and the several middle dots of minority names agree. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[·•‧・．.]/g, '·');
}

function sameName(a: string, b: string): boolean {
  // Compared as digests: equal length, and no early exit on the first differing character.
  return timingSafeEqual(createHash('sha256').update(normalizeName(a)).digest(), createHash('sha256').update(normalizeName(b)).digest());
}

/**
 * 家长自助查询: a student's name and full ID number → what was paid to that student
 * (program, term, amount net of refunds, date) and nothing else. An unknown number, a name
 * that does not match it and a student with nothing paid get the very same answer, after
 * the same statement and the same minimum time. Every query is counted (per address, per
 * ID number), failures lead to a challenge, and each is logged with a keyed hash of the
 * number.
 */
@Injectable()
export class AidQueryService {
  private key?: Promise<Buffer>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limits: AidQueryLimits,
  ) {}

  async challenge(): Promise<AidQueryChallenge> {
    const { token, image } = drawChallenge(await this.secret());
    return { token, image, expiresInSeconds: CHALLENGE_TTL_SECONDS };
  }

  async query(body: AidQueryDto, address: string): Promise<AidQueryAnswer> {
    const idNumber = normalizeIdNumber(body.idNumber);
    const idHash = createHmac('sha256', await this.secret()).update(idNumber).digest('hex');
    const log = (outcome: AidQueryOutcome, studentId: number | null = null) =>
      this.db.query(`INSERT INTO aid_query_log (address, id_number_hash, outcome, student_id) VALUES ($1, $2, $3, $4)`, [address.slice(0, 64), idHash, outcome, studentId]);
    const fail = async (outcome: AidQueryOutcome, error?: ApiException) => {
      await this.limits.recordFailure(address);
      await log(outcome);
      if (error) throw error;
    };

    try {
      await this.limits.count(address, idHash);
    } catch (error) {
      await log('limited');
      throw error;
    }
    if (await this.limits.challengeNeeded(address)) {
      if (!body.challengeToken || !body.challengeAnswer) {
        await log('challengeRequired');
        throw new ApiException('CHALLENGE_REQUIRED', AID_QUERY_MESSAGES.challengeRequired);
      }
      const nonce = verifyChallenge(await this.secret(), body.challengeToken, body.challengeAnswer);
      if (!nonce || !(await this.limits.spend(nonce))) await fail('challengeFailed', new ApiException('CHALLENGE_REQUIRED', AID_QUERY_MESSAGES.challengeWrong));
    }
    const fault = findIdNumberFault(idNumber);
    if (fault) await fail('invalidIdNumber', ApiException.validation({ idNumber: ID_NUMBER_MESSAGES[fault] }));

    const started = Date.now();
    const [student]: { id: number; name: string; payments: AidQueryPayment[] }[] = await this.db.query(
      `SELECT s.id, s.name,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('program', p.name, 'year', d.year, 'term', d.term, 'amount', d.amount - rf.refunded, 'date', d.date)
                                         ORDER BY d.date DESC, d.id DESC)
                          FROM disbursements d
                          JOIN programs p ON p.id = d.program_id
                         CROSS JOIN LATERAL (SELECT COALESCE(sum(r.amount), 0) AS refunded FROM refunds r WHERE r.disbursement_id = d.id) rf
                         WHERE d.student_id = s.id AND d.status = 'paid' AND d.amount > rf.refunded), '[]'::jsonb) AS payments
         FROM students s WHERE s.id_number = $1`,
      [idNumber],
    );
    const matches = !!student && sameName(student.name, body.name);
    const payments = matches ? student.payments.map((p) => ({ ...p, amount: Number(p.amount) })) : [];
    const outcome: AidQueryOutcome = !student ? 'noStudent' : !matches ? 'nameMismatch' : payments.length ? 'found' : 'noPayments';
    if (outcome === 'found') await log(outcome, student.id);
    else await fail(outcome);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, MIN_ANSWER_MS - (Date.now() - started))));
    return outcome === 'found' ? { payments, total: payments.reduce((sum, p) => sum + p.amount, 0) } : { ...NO_AID };
  }

  /** The keyed-hash and signing key, made on first use and kept in the database (every instance shares it). */
  private secret(): Promise<Buffer> {
    this.key ??= (async () => {
      await this.db.query(`INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [SECRET_NAME, randomBytes(32).toString('base64url')]);
      const [row]: { value: string }[] = await this.db.query(`SELECT value FROM app_secrets WHERE name = $1`, [SECRET_NAME]);
      return Buffer.from(row.value, 'base64url');
    })();
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }
}
