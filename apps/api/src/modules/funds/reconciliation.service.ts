import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FUNDING_SOURCES, TERMS } from '@zizhu/programs';
import {
  RECONCILIATION_DIMENSIONS,
  type Reconciliation,
  type ReconciliationDimension,
  type ReconciliationFigures,
  type ReconciliationFilter,
  type ReconciliationRow,
  type SessionUser,
} from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { isInt4 } from '../../engine/rest/value-checks';
import { FUND_MESSAGES } from './fund-messages';
import { fen } from './fund-sql';
import { reconciliationSql } from './reconciliation.sql';

const CITY_LEVEL = '市本级';

/** 对账: allocated vs spent per program × term × county × source (see reconciliationSql). */
@Injectable()
export class ReconciliationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async summary(query: { groupBy?: unknown; filter?: unknown }, user: SessionUser): Promise<Reconciliation> {
    const groupBy = parseGroupBy(query.groupBy);
    const filter = parseFilter(query.filter);
    const { sql, params } = reconciliationSql(user.scopePath, filter, groupBy);
    const raw: Record<string, unknown>[] = await this.db.query(sql, params);
    const names = await this.names(raw);
    const rows = raw.map((r) => {
      const row: ReconciliationRow = figures(r);
      if (groupBy.includes('program')) Object.assign(row, { programId: r.program_id, programName: names.programs.get(Number(r.program_id)) ?? '' });
      if (groupBy.includes('term')) Object.assign(row, { year: r.year, term: r.term });
      if (groupBy.includes('region')) {
        const regionId = (r.region_id as string | null) ?? null;
        Object.assign(row, { regionId, regionName: regionId ? (names.regions.get(regionId) ?? regionId) : CITY_LEVEL });
      }
      if (groupBy.includes('source')) row.source = r.source as string;
      return row;
    });
    return { groupBy, filter, rows, totals: total(rows, !groupBy.includes('source') && filter.source === undefined) };
  }

  private async names(rows: Record<string, unknown>[]) {
    const programIds = [...new Set(rows.map((r) => r.program_id).filter((v) => v != null))];
    const regionIds = [...new Set(rows.map((r) => r.region_id).filter((v) => v != null))];
    const [programs, regions] = await Promise.all([
      programIds.length ? this.db.query('SELECT id, name FROM programs WHERE id = ANY($1::int[])', [programIds]) : [],
      regionIds.length ? this.db.query('SELECT id, name FROM regions WHERE id = ANY($1::text[])', [regionIds]) : [],
    ]);
    return {
      programs: new Map<number, string>(programs.map((p: { id: number; name: string }) => [p.id, p.name])),
      regions: new Map<string, string>(regions.map((r: { id: string; name: string }) => [r.id, r.name])),
    };
  }
}

function figures(r: Record<string, unknown>): ReconciliationFigures {
  const allocated = fen(r.allocated);
  const paid = fen(r.paid);
  const refunded = fen(r.refunded);
  const net = paid - refunded;
  return {
    allocated,
    paid,
    pending: fen(r.pending),
    failed: fen(r.failed),
    returned: fen(r.returned),
    refunded,
    net,
    balance: allocated - net,
    executionRateBp: rateBp(net, allocated),
    paidLines: r.paid_lines == null ? null : Number(r.paid_lines),
    allocatedByShares: fen(r.by_shares),
    shareDifference: allocated - fen(r.by_shares),
  };
}

/** Integer basis points, floored, computed on integers (BigInt keeps net·10000 exact). */
export function rateBp(net: number, allocated: number): number | null {
  if (allocated <= 0) return null;
  const q = (BigInt(net) * 10000n) / BigInt(allocated);
  return Number(BigInt(net) * 10000n < 0n && (BigInt(net) * 10000n) % BigInt(allocated) !== 0n ? q - 1n : q);
}

function total(rows: ReconciliationRow[], countLines: boolean): ReconciliationFigures {
  const sum = (key: keyof ReconciliationFigures) => rows.reduce((s, r) => s + (r[key] as number), 0);
  const allocated = sum('allocated');
  const net = sum('net');
  return {
    allocated,
    paid: sum('paid'),
    pending: sum('pending'),
    failed: sum('failed'),
    returned: sum('returned'),
    refunded: sum('refunded'),
    net,
    balance: allocated - net,
    executionRateBp: rateBp(net, allocated),
    paidLines: countLines ? sum('paidLines') : null,
    allocatedByShares: sum('allocatedByShares'),
    shareDifference: sum('shareDifference'),
  };
}

function parseJson(value: unknown, fallback: unknown, error: { zh: string; en: string }): unknown {
  if (value === undefined || value === '') return fallback;
  try {
    return typeof value === 'string' ? JSON.parse(value) : value;
  } catch {
    throw ApiException.badQuery(error.en, error.zh);
  }
}

/** `filter` as a JSON object (else 400), its keys still to be checked. */
export function parseFilterObject(value: unknown): Record<string, unknown> {
  const raw = parseJson(value, {}, FUND_MESSAGES.badFilter);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw ApiException.badQuery(FUND_MESSAGES.badFilter.en, FUND_MESSAGES.badFilter.zh);
  return raw as Record<string, unknown>;
}

export function parseGroupBy(value: unknown): ReconciliationDimension[] {
  const raw = typeof value === 'string' && !value.trim().startsWith('[') ? value.split(',').map((v) => v.trim()).filter(Boolean) : parseJson(value, [...RECONCILIATION_DIMENSIONS], FUND_MESSAGES.badGroupBy);
  if (!Array.isArray(raw) || raw.some((d) => !(RECONCILIATION_DIMENSIONS as readonly string[]).includes(d))) {
    throw ApiException.badQuery(FUND_MESSAGES.badGroupBy.en, FUND_MESSAGES.badGroupBy.zh);
  }
  return RECONCILIATION_DIMENSIONS.filter((d) => raw.includes(d));
}

export function parseFilter(value: unknown): ReconciliationFilter {
  const raw = parseFilterObject(value);
  const bad = () => ApiException.badQuery(FUND_MESSAGES.badFilter.en, FUND_MESSAGES.badFilter.zh);
  const filter: ReconciliationFilter = {};
  for (const [key, v] of Object.entries(raw)) {
    if (key === 'programId' || key === 'year') {
      if ((typeof v !== 'number' && typeof v !== 'string') || v === '' || !isInt4(Number(v))) throw bad();
      filter[key] = Number(v);
    } else if (key === 'term') {
      if (!TERMS.some((t) => t.value === v)) throw bad();
      filter.term = v as string;
    } else if (key === 'source') {
      if (!FUNDING_SOURCES.some((s) => s.value === v)) throw bad();
      filter.source = v as string;
    } else if (key === 'regionId') {
      if (v !== null && (typeof v !== 'string' || !/^\d{6}$/.test(v))) throw bad();
      filter.regionId = v as string | null;
    } else throw bad();
  }
  return filter;
}
