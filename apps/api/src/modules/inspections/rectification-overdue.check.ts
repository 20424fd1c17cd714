import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { clueResource } from '@zizhu/checks';
import { DataSource } from 'typeorm';
import { type OverdueCheck, OverdueChecksJob } from '../../engine/jobs/overdue-checks.job';
import { overdueSql } from '../../engine/rest/overdue-sql';

/**
 * 整改逾期: each night, the findings of inspections (clues of source 督查) whose
 * rectification is past its due date in China and not closed are flagged once
 * (`overdueFlaggedAt`), so the bulletin can name them and the flag records when they
 * fell overdue. One UPDATE; a clue already flagged keeps its first date.
 */
@Injectable()
export class RectificationOverdueCheck implements OverdueCheck {
  readonly name = 'rectifications';
  private readonly logger = new Logger('Jobs');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    jobs: OverdueChecksJob,
  ) {
    jobs.add(this);
  }

  async run(): Promise<void> {
    const [, flagged] = await this.db.query(
      `UPDATE clues AS t SET overdue_flagged_at = now()
        WHERE t.source = 'inspection' AND t.inspection_id IS NOT NULL AND t.overdue_flagged_at IS NULL AND ${overdueSql(clueResource)}`,
    );
    this.logger.log(`overdue rectifications flagged: ${flagged}`);
  }
}
