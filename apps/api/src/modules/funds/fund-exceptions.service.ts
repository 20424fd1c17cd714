import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FUND_EXCEPTION_KINDS, type FundExceptionKind, fundExceptionNoteResource } from '@zizhu/funds';
import { TERMS } from '@zizhu/programs';
import type { FundException, ReconciliationFilter, ReconciliationRow, SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { auditSnapshot, selectList } from '../../engine/rest/record-presenter';
import type { ExplainExceptionDto } from './dtos/explain-exception.dto';
import { FUND_MESSAGES } from './fund-messages';
import { fen } from './fund-sql';
import { currentExceptionsSql } from './fund-exceptions-table.sql';
import { parseFilter, parseFilterObject, ReconciliationService } from './reconciliation.service';

/** Enough for a screen and an export; the filter narrows it. */
const MAX_EXCEPTIONS = 5000;
/** Line exceptions are counted exactly up to here; past it the list says "more than" (`totalCapped`). */
export const EXCEPTIONS_COUNTED_UP_TO = 100_000;

/** The exceptions listed (at most MAX_EXCEPTIONS) and how many there are: at least `total` when `totalCapped`. */
export interface ExceptionList {
  total: number;
  totalCapped: boolean;
  exceptions: FundException[];
}

/** 对账异常: listed with their lines, explained by finance with a persisted note. */
@Injectable()
export class FundExceptionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reconciliation: ReconciliationService,
    private readonly audit: AuditService,
  ) {}

  async list(query: { filter?: unknown }, user: SessionUser): Promise<ExceptionList> {
    const { kind, explained, ...rest } = parseFilterObject(query.filter);
    if (kind !== undefined && !FUND_EXCEPTION_KINDS.some((k) => k.value === kind)) throw ApiException.badQuery('Unknown exception kind', '异常类型无效');
    if (explained !== undefined && typeof explained !== 'boolean') throw ApiException.badQuery('explained is true or false', 'explained 只能是 true 或 false');
    return this.find(user.scopePath, parseFilter(rest), { kind: kind as FundExceptionKind | undefined, explained: explained as boolean | undefined });
  }

  /**
   * One current exception in the user's scope (422 on key when there is none), with the
   * school of its first line — where a clue opened from it is assigned.
   */
  async findOne(key: string, user: SessionUser): Promise<FundException & { scopePath: string; schoolId: number | null }> {
    const kind = key.split(':')[0] as FundExceptionKind;
    if (!FUND_EXCEPTION_KINDS.some((k) => k.value === kind)) throw ApiException.validation({ key: FUND_MESSAGES.exceptionUnknown });
    const found = (await this.find(user.scopePath, await this.narrowTo(key), { kind, key })).exceptions[0] as (FundException & { scopePath: string }) | undefined;
    if (!found) throw ApiException.validation({ key: FUND_MESSAGES.exceptionUnknown });
    const [line] = found.lineIds.length ? await this.db.query('SELECT school_id FROM disbursements WHERE id = $1', [found.lineIds[0]]) : [];
    return { ...found, schoolId: line?.school_id ?? null };
  }

  /** 说明: finance's note on a current exception, kept by its key (written again to change it). */
  async explain(body: ExplainExceptionDto, user: SessionUser): Promise<FundException> {
    const { key } = body;
    const note = body.note.trim();
    const kind = key.split(':')[0] as FundExceptionKind;
    if (!FUND_EXCEPTION_KINDS.some((k) => k.value === kind)) throw ApiException.validation({ key: FUND_MESSAGES.exceptionUnknown });
    const found = (await this.find(user.scopePath, await this.narrowTo(key), { kind, key })).exceptions[0] as (FundException & { scopePath: string }) | undefined;
    if (!found) throw ApiException.validation({ key: FUND_MESSAGES.exceptionUnknown });
    await this.db.transaction(async (manager) => {
      const [before] = await manager.query(`SELECT ${selectList(fundExceptionNoteResource)} FROM fund_exception_notes t WHERE t.exception_key = $1 FOR UPDATE`, [key]);
      const [row] = await manager.query(
        `INSERT INTO fund_exception_notes AS t (exception_key, kind, note, explained_by, explained_at, scope_path, version)
         VALUES ($1, $2, $3, $4, now(), $5, 1)
         ON CONFLICT (exception_key) DO UPDATE SET note = EXCLUDED.note, explained_by = EXCLUDED.explained_by,
                explained_at = EXCLUDED.explained_at, version = t.version + 1, updated_at = now()
         RETURNING ${selectList(fundExceptionNoteResource)}`,
        [key, kind, note.slice(0, 2000), user.id, found.scopePath],
      );
      await this.audit.record(manager, user, {
        action: before ? 'update' : 'create',
        resource: fundExceptionNoteResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: before ? auditSnapshot(fundExceptionNoteResource, before) : null,
        after: auditSnapshot(fundExceptionNoteResource, row),
      });
    });
    const { scopePath: _scope, ...after } = (await this.find(user.scopePath, await this.narrowTo(key), { kind, key })).exceptions[0] as FundException & { scopePath: string };
    return after;
  }

  /**
   * The exceptions in scope, overAllocation cells first, then line exceptions in SQL order
   * — read from the table the writes keep current (`fund_exceptions`), filtered, joined to
   * their notes and cut to MAX_EXCEPTIONS by the database, so a city with millions of lines
   * never ships them all to the API. `key` picks one (with its
   * scope path, for explaining it).
   */
  private async find(
    scopePath: string,
    filter: ReconciliationFilter,
    options: { kind?: FundExceptionKind; explained?: boolean; key?: string },
  ): Promise<ExceptionList> {
    const { kind, explained, key } = options;
    const found: (FundException & { scopePath: string })[] = [];
    let total = 0;
    let totalCapped = false;
    // The money cells and the stored line exceptions are read at once (two connections): the
    // page of lines is cut to what the cells leave of MAX_EXCEPTIONS afterwards.
    const stored = currentExceptionsSql(scopePath, filter, { kind, key, explained, limit: MAX_EXCEPTIONS, countUpTo: EXCEPTIONS_COUNTED_UP_TO });
    const [cells, lineRows] = await Promise.all([
      !kind || kind === 'overAllocation' ? this.overAllocations(scopePath, filter) : Promise.resolve(null),
      kind !== 'overAllocation' ? (this.db.query(stored.sql, stored.params) as Promise<Record<string, unknown>[]>) : Promise.resolve(null),
    ]);
    if (cells) {
      const picked = cells.filter((e) => !key || e.key === key);
      await this.attachNotes(picked);
      const kept = picked.filter((e) => explained === undefined || Boolean(e.explanation) === explained);
      found.push(...kept);
      total += kept.length;
    }
    if (lineRows) {
      const rows = lineRows.slice(0, Math.max(MAX_EXCEPTIONS - found.length, 0));
      const counted = rows.length ? Number(rows[0].total) : 0;
      totalCapped = counted > EXCEPTIONS_COUNTED_UP_TO;
      total += Math.min(counted, EXCEPTIONS_COUNTED_UP_TO);
      for (const r of rows) {
        found.push({
          key: r.key as string,
          kind: r.kind as FundExceptionKind,
          programId: r.program_id as number,
          programName: '',
          year: r.year as number,
          term: r.term as string,
          regionId: (r.region_id as string | null) ?? null,
          regionName: null,
          source: null,
          studentId: r.student_id as number,
          studentName: r.student_name as string,
          lineIds: (r.line_ids as number[]).map(Number),
          amount: fen(r.amount),
          expected: r.expected == null ? null : fen(r.expected),
          explanation: r.note == null ? null : { note: r.note as string, explainedBy: r.explained_by as number, explainedAt: new Date(r.explained_at as string).toISOString() },
          clue: r.clue_id == null ? null : { id: r.clue_id as number, status: (r.clue_status as string | null) ?? 'open' },
          scopePath: r.scope_path as string,
        });
      }
    }
    await this.attachNames(found);
    return { total, totalCapped, exceptions: key ? found : found.map(({ scopePath: _scope, ...rest }) => rest) };
  }

  /** The program, year and term a key names (or its line's), so explaining one exception computes only its cell. */
  private async narrowTo(key: string): Promise<ReconciliationFilter> {
    const unknown = () => ApiException.validation({ key: FUND_MESSAGES.exceptionUnknown });
    const parts = key.split(':');
    if (parts[0] === 'paidTwice' || parts[0] === 'overAllocation') {
      const [programId, year, term] = [Number(parts[1]), Number(parts[2]), parts[3]];
      if (!Number.isInteger(programId) || !Number.isInteger(year) || !TERMS.some((t) => t.value === term)) throw unknown();
      return { programId, year, term };
    }
    const lineId = Number(parts[1]);
    const [line] = Number.isInteger(lineId) ? await this.db.query('SELECT program_id, year, term FROM disbursements WHERE id = $1', [lineId]) : [];
    if (!line) throw unknown();
    return { programId: line.program_id, year: line.year, term: line.term };
  }

  /**
   * Money spent beyond what was allocated for it. A county given its own allocation for a
   * program, term and source is held to it; counties given none spend from the city-level
   * allocation, so their net paid is pooled and held to that.
   */
  private async overAllocations(scopePath: string, filter: ReconciliationFilter): Promise<(FundException & { scopePath: string })[]> {
    // Cells are computed over the whole city (a pool spans counties) and only then picked
    // by scope and region: a county never sees a pool judged on its own lines alone.
    const cityPath = `${scopePath.split('.')[0]}.`;
    const { regionId: _picked, ...cellFilter } = filter;
    const asCity = { scopePath: cityPath, role: 'finance' } as SessionUser;
    const { rows } = await this.reconciliation.summary({ groupBy: ['program', 'term', 'region', 'source'], filter: JSON.stringify(cellFilter) }, asCity);
    const regions: { id: string; scope_path: string }[] = await this.db.query("SELECT id, scope_path FROM regions WHERE level = 'county'");
    const pathOf = new Map(regions.map((r) => [r.id, r.scope_path]));
    const cells = new Map<string, { head: ReconciliationRow; regionId: string | null; net: number; allocated: number }>();
    for (const r of rows) {
      const own = r.regionId !== null && r.allocated > 0;
      const regionId = own ? r.regionId! : null;
      const key = ['overAllocation', r.programId, r.year, r.term, regionId ?? 'city', r.source].join(':');
      const cell = cells.get(key) ?? { head: r, regionId, net: 0, allocated: 0 };
      cell.net += r.net;
      cell.allocated += r.allocated;
      cells.set(key, cell);
    }
    return [...cells.entries()]
      .filter(([, c]) => c.net > c.allocated && (filter.regionId === undefined || c.regionId === filter.regionId))
      .map(([key, c]) => ({
        key,
        kind: 'overAllocation' as const,
        programId: c.head.programId!,
        programName: c.head.programName ?? '',
        year: c.head.year!,
        term: c.head.term!,
        regionId: c.regionId,
        regionName: null,
        source: c.head.source ?? null,
        studentId: null,
        studentName: null,
        lineIds: [],
        amount: c.net,
        expected: c.allocated,
        explanation: null,
        // A cell of money has no school to assign a clue to.
        clue: null,
        scopePath: (c.regionId && pathOf.get(c.regionId)) || cityPath,
      }))
      .filter((e) => e.scopePath.startsWith(scopePath));
  }

  private async attachNames(found: FundException[]): Promise<void> {
    if (!found.length) return;
    const [programs, regions]: { id: number | string; name: string }[][] = await Promise.all([
      this.db.query('SELECT id, name FROM programs WHERE id = ANY($1::int[])', [[...new Set(found.map((e) => e.programId))]]),
      this.db.query('SELECT id, name FROM regions WHERE id = ANY($1::text[])', [[...new Set(found.map((e) => e.regionId).filter((id) => id !== null))]]),
    ]);
    const program = new Map(programs.map((p) => [Number(p.id), p.name]));
    const region = new Map(regions.map((r) => [String(r.id), r.name]));
    for (const e of found) {
      e.programName = program.get(e.programId) ?? '';
      e.regionName = e.regionId ? (region.get(e.regionId) ?? e.regionId) : null;
    }
  }

  private async attachNotes(found: FundException[]): Promise<void> {
    if (!found.length) return;
    const notes: { exception_key: string; note: string; explained_by: number; explained_at: Date }[] = await this.db.query(
      'SELECT exception_key, note, explained_by, explained_at FROM fund_exception_notes WHERE exception_key = ANY($1::text[])',
      [found.map((e) => e.key)],
    );
    const byKey = new Map(notes.map((n) => [n.exception_key, n]));
    for (const e of found) {
      const n = byKey.get(e.key);
      if (n) e.explanation = { note: n.note, explainedBy: n.explained_by, explainedAt: new Date(n.explained_at).toISOString() };
    }
  }
}
