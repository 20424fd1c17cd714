import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { workPlanResource } from '@zizhu/plans';
import type { CompletionCell, CompletionCounts, CompletionUnit, OccurrenceStatus, PlanCompletion, SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { escapeLike } from '../../../engine/rest/list-query';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';

interface CellRow {
  unitKey: string;
  schoolId: number | null;
  regionId: string | null;
  name: string;
  column: string;
  status: OccurrenceStatus;
  n: number;
  id: number;
}

const TOTAL_OF: Record<OccurrenceStatus, keyof CompletionCounts> = { done: 'done', late: 'late', missed: 'missed', pending: 'open', submitted: 'open', returned: 'open' };

/**
 * 完成情况表: a plan's occurrences by unit (rows) and month — or, for one duty, by its due
 * dates — each cell the statuses due there, each unit's totals beside them. One GROUP BY over
 * the occurrences in the reader's region: a school reads its own row, a county its schools'.
 */
@Injectable()
export class PlanCompletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
  ) {}

  async completion(planId: string, dutyId: number | null, user: SessionUser): Promise<PlanCompletion> {
    const plan = await this.reader.getOne(workPlanResource, planId, user);
    const duties: { id: number; title: string }[] = await this.db.query(`SELECT id, title FROM duties WHERE plan_id = $1 ORDER BY id`, [plan.id]);
    if (dutyId !== null && !duties.some((d) => d.id === dutyId)) throw ApiException.validation({ dutyId: { zh: '该任务不属于此计划', en: 'This duty is not one of the plan’s' } });
    const column = dutyId === null ? `to_char(o.due_date, 'YYYY-MM')` : `to_char(o.due_date, 'YYYY-MM-DD')`;
    const rows: CellRow[] = await this.db.query(
      `SELECT o.unit_key AS "unitKey", o.school_id AS "schoolId", o.region_id AS "regionId", COALESCE(s.name, r.name) AS name,
              ${column} AS "column", o.status, count(*)::int AS n, min(o.id) AS id, min(o.scope_path) AS path
         FROM duty_occurrences o
         LEFT JOIN schools s ON s.id = o.school_id
         LEFT JOIN regions r ON r.id = o.region_id
        WHERE o.plan_id = $1 AND o.scope_path LIKE $2 AND ($3::int IS NULL OR o.duty_id = $3)
        GROUP BY 1, 2, 3, 4, 5, 6
        ORDER BY min(o.scope_path), 4, 5`,
      [plan.id, `${escapeLike(user.scopePath)}%`, dutyId],
    );
    const units = new Map<string, CompletionUnit>();
    const columns = new Set<string>();
    const cells: Record<string, Record<string, CompletionCell>> = {};
    const totals: Record<string, CompletionCounts> = {};
    for (const row of rows) {
      if (!units.has(row.unitKey)) units.set(row.unitKey, { key: row.unitKey, name: row.name, schoolId: row.schoolId, regionId: row.regionId });
      columns.add(row.column);
      const cell = ((cells[row.unitKey] ??= {})[row.column] ??= { counts: {} });
      cell.counts[row.status] = (cell.counts[row.status] ?? 0) + row.n;
      const total = (totals[row.unitKey] ??= { done: 0, late: 0, missed: 0, open: 0 });
      total[TOTAL_OF[row.status]] += row.n;
    }
    // A cell of exactly one occurrence links to it.
    for (const row of rows) {
      const cell = cells[row.unitKey][row.column];
      const statuses = Object.entries(cell.counts);
      if (statuses.length === 1 && statuses[0][1] === 1) Object.assign(cell, { occurrenceId: Number(row.id), status: row.status });
    }
    return { duties, dutyId, units: [...units.values()], columns: [...columns].sort().map((key) => ({ key })), cells, totals };
  }
}
