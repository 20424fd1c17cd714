import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, type MyDuties, type MyDuty, type SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { PlansClock } from '../plans-clock';

/** How far ahead "due soon" looks. */
export const DUE_SOON_DAYS = 14;

/** Lines a home page lists at most. */
const MAX_LINES = 200;

/**
 * A unit's duties on its home page: the occurrences whose unit is the caller's own node (a
 * school officer's school, a county officer's county) that need them — returned with a
 * reason, past due and not done, or due within DUE_SOON_DAYS.
 */
@Injectable()
export class MyDutiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: PlansClock,
  ) {}

  async forUser(user: SessionUser): Promise<MyDuties> {
    const today = this.clock.today();
    const rows: MyDuty[] = await this.db.query(
      `SELECT o.id, o.duty_id AS "dutyId", d.title, p.name AS "planName", d.evidence_expected AS "evidenceExpected",
              o.completion_rule AS "completionRule", to_char(o.due_date, 'YYYY-MM-DD') AS "dueDate",
              to_char(o.period_start, 'YYYY-MM-DD') AS "periodStart", o.status, o.return_reason AS "returnReason", o.version
         FROM duty_occurrences o
         JOIN duties d ON d.id = o.duty_id
         JOIN work_plans p ON p.id = o.plan_id
        WHERE o.scope_path = $1 AND o.status IN ('pending', 'returned', 'missed')
          AND (o.status <> 'pending' OR o.due_date <= $2::date)
        ORDER BY o.due_date, o.id
        LIMIT ${MAX_LINES}`,
      [user.scopePath, addDays(today, DUE_SOON_DAYS)],
    );
    return {
      returned: rows.filter((r) => r.status === 'returned'),
      overdue: rows.filter((r) => r.status === 'missed' || (r.status === 'pending' && r.dueDate < today)),
      dueSoon: rows.filter((r) => r.status === 'pending' && r.dueDate >= today),
    };
  }
}
