import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PlansClock } from '../plans-clock';
import { type EvaluationCounts, evaluateOccurrences } from './occurrence-evaluator';
import { generateOccurrences, publishedDuties } from './occurrence-generator';
import { sqlOf } from './occurrence-sql';

export interface RunCounts extends EvaluationCounts {
  added: number;
}

/**
 * Generates the occurrences of published plans through today and decides the due ones: at
 * night for every plan, on publishing for that plan, when a duty is added to a published plan.
 */
@Injectable()
export class OccurrenceRunner {
  private readonly logger = new Logger('WorkPlans');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: PlansClock,
  ) {}

  /** Every published plan, in one transaction (what the nightly job runs). */
  async runAll(today = this.clock.today()): Promise<RunCounts> {
    const counts = await this.db.transaction((manager) => this.run(manager, today));
    this.logger.log(`duty occurrences ${today}: ${counts.added} added, ${counts.done} done, ${counts.late} late, ${counts.missed} missed`);
    return counts;
  }

  /** One plan's (or one duty's) occurrences, then the evaluation, in the caller's transaction. */
  async run(manager: EntityManager, today: string, filter: { planId?: number; dutyId?: number } = {}): Promise<RunCounts> {
    const sql = sqlOf(manager);
    let added = 0;
    for (const duty of await publishedDuties(sql, filter)) added += await generateOccurrences(sql, duty, today);
    return { added, ...(await evaluateOccurrences(sql, today)) };
  }
}
