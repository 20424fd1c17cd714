import type { SessionUser } from '@zizhu/schema';
import type { DataSource } from 'typeorm';
import { escapeLike } from '../../engine/rest/list-query';
import type { FundExceptionsService } from '../funds/fund-exceptions.service';
import type { OverduePaymentsService } from '../funds/overdue-payments.service';

/** Lists of ids a to-do filter names are capped: a home page item, not an export. */
const MAX_IDS = 1000;

/**
 * What a to-do filter may depend on: the caller, their level in the region tree, China's
 * date, and the few sets no declared filter expresses (computed in the caller's subtree).
 */
export class TodoContext {
  constructor(
    readonly user: SessionUser,
    readonly level: string | null,
    readonly today: string,
    private readonly db: DataSource,
    private readonly overdue: OverduePaymentsService,
    private readonly exceptions: FundExceptionsService,
  ) {}

  daysFromToday(days: number): string {
    const date = new Date(`${this.today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  private get subtree(): string {
    return `${escapeLike(this.user.scopePath)}%`;
  }

  /** Schools with results still pending after their run's deadline (as the progress page calls them overdue). */
  async schoolsBehindOnVerification(): Promise<number[]> {
    const rows: { id: number }[] = await this.db.query(
      `SELECT DISTINCT r.school_id AS id
         FROM comparison_results r
         JOIN comparisons c ON c.id = r.comparison_id
        WHERE r.decision = 'pending' AND c.deadline < $2::date AND r.scope_path LIKE $1 AND r.school_id IS NOT NULL
        ORDER BY 1 LIMIT ${MAX_IDS}`,
      [this.subtree, this.today],
    );
    return rows.map((r) => r.id);
  }

  /** Approved rosters past their deadline with entries not yet paid (逾期未发). */
  async overdueRosterIds(): Promise<number[]> {
    return (await this.overdue.list(this.user, this.today)).map((r) => r.rosterId);
  }

  /** Batches with lines still waiting for the bank's result file. */
  async batchesWithPendingLines(): Promise<number[]> {
    const rows: { id: number }[] = await this.db.query(
      `SELECT b.id FROM disbursement_batches b
        WHERE b.scope_path LIKE $1 AND EXISTS (SELECT 1 FROM disbursements d WHERE d.batch_id = b.id AND d.status = 'pending')
        ORDER BY b.id LIMIT ${MAX_IDS}`,
      [this.subtree],
    );
    return rows.map((r) => r.id);
  }

  async unexplainedExceptions(): Promise<number> {
    return (await this.exceptions.list({ filter: { explained: false } }, this.user)).total;
  }
}
