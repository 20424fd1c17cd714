import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OverduePayment, SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { COUNTY_OF_PATH, fen } from './fund-sql';

const MAX_ROWS = 200;

/** 逾期未发: approved rosters past the program's deadline with entries not yet paid, oldest first. */
@Injectable()
export class OverduePaymentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(user: SessionUser, today = new Date().toISOString().slice(0, 10)): Promise<OverduePayment[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT r.id, r.title, r.deadline, sc.name AS school_name, cr.id AS region_id, cr.name AS region_name,
              count(*)::int AS unpaid_entries, sum(e.amount)::bigint AS unpaid_amount
         FROM rosters r
         JOIN schools sc ON sc.id = r.school_id
         JOIN roster_entries e ON e.roster_id = r.id
         LEFT JOIN regions cr ON cr.id = ${COUNTY_OF_PATH('r.scope_path')}
        WHERE r.status = 'approved' AND r.deadline < $2::date AND r.scope_path LIKE $1
          AND NOT EXISTS (SELECT 1 FROM disbursements d WHERE d.roster_entry_id = e.id AND d.status = 'paid')
        GROUP BY r.id, sc.name, cr.id, cr.name
        ORDER BY r.deadline, r.id
        LIMIT ${MAX_ROWS}`,
      [`${user.scopePath}%`, today],
    );
    return rows.map((r) => ({
      rosterId: r.id as number,
      title: r.title as string,
      deadline: r.deadline as string,
      schoolName: r.school_name as string,
      regionId: (r.region_id as string | null) ?? null,
      regionName: (r.region_name as string | null) ?? null,
      unpaidEntries: r.unpaid_entries as number,
      unpaidAmount: fen(r.unpaid_amount),
    }));
  }
}
