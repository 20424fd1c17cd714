import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dutyResource, workPlanResource } from '@zizhu/plans';
import type { ImportLimits, PlanImportReport, SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../engine/audit/audit.service';
import { ApiException } from '../../../engine/errors/api.exception';
import { IMPORT_LIMITS, ImportLimitError, limitMessage } from '../../../engine/imports/import-limits';
import { readSheet } from '../../../engine/imports/sheet-reader';
import { auditSnapshot, selectList } from '../../../engine/rest/record-presenter';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { PLAN_MESSAGES } from '../plans-messages';
import { type PlanSheet, PlanSheetHeaderError, readPlanSheet } from './plan-sheet';

const MiB = 1024 * 1024;

/** A year's plan is a page or two: a sheet of 12 months (seed 004) is a few kilobytes. */
export const PLAN_SHEET_LIMITS: ImportLimits = {
  ...IMPORT_LIMITS,
  fileBytes: 2 * MiB,
  rows: 500,
  columns: 30,
  cellChars: 8_000,
  zipEntries: 100,
  sheetBytes: 16 * MiB,
  sharedStringsBytes: 16 * MiB,
  partBytes: 16 * MiB,
  totalBytes: 64 * MiB,
};

/** Duties one sheet may give. */
export const MAX_SHEET_DUTIES = 300;

/**
 * The county's plan sheet into a draft plan: the duties it gives are created in one
 * transaction (each audited) for review — level school, every school, the start of the plan
 * year, the completion rule its words suggest — and the rows it could not read come back
 * in the report with their text.
 */
@Injectable()
export class PlanImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  async importSheet(planId: string, path: string, user: SessionUser): Promise<PlanImportReport> {
    const plan = await this.reader.getOne(workPlanResource, planId, user);
    // A county reads the city's plan but imports into its own only.
    if (plan.writable === false) throw ApiException.outOfScope();
    if (plan.status !== 'draft') throw new ApiException('IN_USE', PLAN_MESSAGES.importDraftOnly);
    const sheet = await this.read(path);
    if (sheet.duties.length > MAX_SHEET_DUTIES) throw ApiException.validation({ file: PLAN_MESSAGES.tooManyDuties(MAX_SHEET_DUTIES) });
    await this.db.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT status, year, scope_path FROM work_plans WHERE id = $1 FOR UPDATE`, [plan.id]);
      if (locked.status !== 'draft') throw new ApiException('IN_USE', PLAN_MESSAGES.importDraftOnly);
      if (!sheet.duties.length) return;
      const rows = await manager.query(
        `INSERT INTO duties AS t (plan_id, title, description, level, recurrence, start_date, completion_rule, scope_path, version)
         SELECT $1, d.title, d.description, 'school', d.recurrence, make_date($2, 1, 1), d.rule, $3, 1
           FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS d(title, description, recurrence, rule, n)
          ORDER BY d.n
         RETURNING ${selectList(dutyResource)}`,
        [
          plan.id,
          locked.year,
          locked.scope_path,
          sheet.duties.map((d) => d.title),
          sheet.duties.map((d) => d.description),
          sheet.duties.map((d) => d.recurrence),
          sheet.duties.map((d) => d.completionRule),
        ],
      );
      for (const row of rows) {
        await this.audit.record(manager, user, { action: 'create', resource: dutyResource.name, recordId: row.id, scopePath: row.scopePath, before: null, after: auditSnapshot(dutyResource, row) });
      }
    });
    return { rows: sheet.rows, created: sheet.duties.length, merged: sheet.merged, problems: sheet.problems };
  }

  private async read(path: string): Promise<PlanSheet> {
    try {
      return await readPlanSheet(readSheet({ path, kind: 'xlsx', limits: PLAN_SHEET_LIMITS }));
    } catch (error) {
      if (error instanceof ImportLimitError) throw ApiException.validation({ file: limitMessage(error.limit, PLAN_SHEET_LIMITS) });
      if (error instanceof ApiException) throw error;
      if (error instanceof PlanSheetHeaderError) throw ApiException.validation({ file: PLAN_MESSAGES.sheetNoHeader });
      throw ApiException.validation({ file: PLAN_MESSAGES.sheetUnreadable });
    }
  }
}
