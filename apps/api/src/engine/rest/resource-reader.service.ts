import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ResourceDeclaration, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { listScope, readScope } from '../scope/scope';
import { type Condition, type ListQuery, whereClause } from './list-query';
import { type ApiRecord, presentRecord, selectList } from './record-presenter';
import { attachReferenceLabels } from './reference-labels';
import { ResourceBehaviours } from './resource-behaviours.service';
import { containsNul, INT4_MAX } from './value-checks';

/** Counts stop here; past it the planner's estimate is reported (Content-Range total). */
export const EXACT_COUNT_LIMIT = 10_000;
/** Planner cost units (about a few tens of milliseconds here) an exact count may cost. */
export const EXACT_COUNT_COST_BUDGET = 3_000;
/** An estimate this far past EXACT_COUNT_LIMIT is reported as it is, without counting (a common value across a province). */
export const ESTIMATE_PAST_LIMIT = 10 * EXACT_COUNT_LIMIT;

interface PlanNode {
  'Node Type': string;
  'Total Cost': number;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

/** Rows the scan under count → limit would return without the limit: the filter's estimate. */
function scanRows(node: PlanNode): number {
  let current = node;
  while ((current['Node Type'] === 'Aggregate' || current['Node Type'] === 'Limit') && current.Plans?.length) current = current.Plans[0];
  return current['Plan Rows'];
}

export interface ListResult {
  records: ApiRecord[];
  total: number;
}

@Injectable()
export class ResourceReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly behaviours: ResourceBehaviours,
  ) {}

  async list(resource: ResourceDeclaration, query: ListQuery, user: SessionUser): Promise<ListResult> {
    const conditions = [...(await listScope(this.db.manager, resource, user, query.conditions)), ...query.conditions];
    const count = await this.count(resource, conditions);
    const params: unknown[] = [];
    const where = whereClause(conditions, params);
    params.push(query.limit, query.offset);
    const sql = pageSql(resource, where, query.sort, count.exact && count.total <= EXACT_COUNT_LIMIT, params.length - 1);
    const rows = await this.db.query(sql, params);
    const records = rows.map((row: Record<string, unknown>) => presentRecord(resource, row, user));
    await attachReferenceLabels(this.db.manager, resource, records, user);
    await this.behaviours.view(this.db.manager, resource, records, user);
    return { records, total: count.total };
  }

  /**
   * Exact up to EXACT_COUNT_LIMIT when the planner expects counting to be cheap (an index
   * serves the filter) and the result not far past that limit, otherwise its estimate:
   * counting ten thousand rows through an unindexed filter over a million is not worth the
   * user's time for a pagination label. Decided by the plan, not by a timeout, so the same
   * request always counts the same way; `exact` tells the page how to find its rows.
   */
  private async count(resource: ResourceDeclaration, conditions: Condition[]): Promise<{ total: number; exact: boolean }> {
    const params: unknown[] = [];
    const where = whereClause(conditions, params);
    const sql = `SELECT count(*)::int AS n FROM (SELECT 1 FROM "${resource.table}" t WHERE ${where} LIMIT ${EXACT_COUNT_LIMIT + 1}) c`;
    const [explained] = await this.db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const plan = explained['QUERY PLAN'][0].Plan as PlanNode;
    const estimate = Math.round(scanRows(plan));
    // Far past the limit, counting up to it could only confirm that it is passed.
    if (plan['Total Cost'] > EXACT_COUNT_COST_BUDGET || estimate > ESTIMATE_PAST_LIMIT) return { total: estimate, exact: false };
    const [{ n }] = await this.db.query(sql, params);
    return n <= EXACT_COUNT_LIMIT ? { total: n, exact: true } : { total: Math.max(estimate, n), exact: false };
  }

  async getOne(resource: ResourceDeclaration, id: string, user: SessionUser): Promise<ApiRecord> {
    const row = await this.findRow(this.db.manager, resource, id, readScope(resource, user));
    if (!row) throw ApiException.notFound();
    const record = presentRecord(resource, row, user);
    await attachReferenceLabels(this.db.manager, resource, [record], user);
    await this.behaviours.view(this.db.manager, resource, [record], user);
    return record;
  }

  /** The stored row (plain values), optionally locked for update. */
  async findRow(
    manager: EntityManager,
    resource: ResourceDeclaration,
    id: string,
    scope: Condition[] = [],
    lock = false,
  ): Promise<Record<string, unknown> | undefined> {
    const idValue = parseId(resource, id);
    if (idValue === undefined) return undefined;
    const params: unknown[] = [];
    const where = whereClause([{ kind: 'eq', column: 'id', value: idValue }, ...scope], params);
    const rows = await manager.query(
      `SELECT ${selectList(resource)} FROM "${resource.table}" t WHERE ${where}${lock ? ' FOR UPDATE' : ''}`,
      params,
    );
    return rows[0];
  }
}

/**
 * The page's SQL (`$limitParam` and the next parameter: limit and offset). A deferred join:
 * the page's ids come from an index-only scan, rows are fetched after. When the filter is
 * known to match `few` rows (counted exactly, at most EXACT_COUNT_LIMIT), they are collected
 * first and sorted: otherwise the planner may walk the sort's index expecting a match soon —
 * for a stage a school does not teach, or a class, that walk reads the whole region.
 */
export function pageSql(resource: ResourceDeclaration, where: string, sort: ListQuery['sort'], few: boolean, limitParam: number): string {
  const { column, order } = sort;
  const orderBy = (alias: string) => (column === 'id' ? `${alias}.id ${order}` : `${alias}."${column}" ${order}, ${alias}.id ${order}`);
  const page = `LIMIT $${limitParam} OFFSET $${limitParam + 1}`;
  const ids = few
    ? `WITH matching AS MATERIALIZED (SELECT t.id${column === 'id' ? '' : `, t."${column}"`} FROM "${resource.table}" t WHERE ${where})
       SELECT m.id FROM matching m ORDER BY ${orderBy('m')} ${page}`
    : `SELECT t.id FROM "${resource.table}" t WHERE ${where} ORDER BY ${orderBy('t')} ${page}`;
  return `SELECT ${selectList(resource)} FROM "${resource.table}" t JOIN (${ids}) page ON page.id = t.id ORDER BY ${orderBy('t')}`;
}

/** The id as its column holds it, or undefined when no row can have it. */
export function parseId(resource: ResourceDeclaration, id: string): number | string | undefined {
  if (resource.idType === 'code') return containsNul(id) ? undefined : id;
  if (!/^\d+$/.test(id)) return undefined;
  const n = Number(id);
  return n > 0 && n <= INT4_MAX ? n : undefined;
}
