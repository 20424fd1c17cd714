import { Injectable } from '@nestjs/common';
import { disbursementBatchResource, disbursementResource } from '@zizhu/funds';
import { TERMS } from '@zizhu/programs';
import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { Behaviour, type RecordChange, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { batchFiguresSql } from './batch-figures.sql';
import { FUND_MESSAGES } from './fund-messages';
import { COUNTY_OF_PATH, isCash } from './fund-sql';

type Row = Record<string, unknown>;

/** What a new batch would take in: approved entries of the region with no live line yet. */
const CANDIDATES = `
  FROM roster_entries e
  JOIN rosters r ON r.id = e.roster_id AND r.status = 'approved'
  JOIN students s ON s.id = e.student_id
 WHERE e.program_id = $1 AND e.year = $2 AND e.term = $3 AND r.scope_path LIKE $4
   AND NOT EXISTS (SELECT 1 FROM disbursements d WHERE d.roster_entry_id = e.id AND d.status IN ('pending', 'paid'))`;

/**
 * 发放批次: made from a region's approved rosters in one INSERT … SELECT, in the batch's own
 * transaction. The partial unique index on live lines (`ux_disbursements_live_entry`) is
 * the arbiter: two batches created at once, or a batch racing a re-issue, still pay an
 * entry once.
 */
@Injectable()
@Behaviour(disbursementBatchResource)
export class DisbursementBatchBehaviour implements ResourceBehaviour {
  /** Cash is refused in so many words; by default the batch covers the user's own region (finance sits at the city). */
  prepareBody(body: Row, user: SessionUser): Row {
    if (isCash(body.method)) throw ApiException.validation({ method: FUND_MESSAGES.cashRefused });
    return { ...body, regionId: body.regionId ?? user.scopePath.split('.').filter(Boolean).pop() };
  }

  /**
   * Two officers making the same program's batch at once: the second waits for the first
   * to commit, then finds nothing left to pay (422) instead of creating an empty batch.
   * Refuses an empty batch before it exists; builds its title.
   */
  async serverValues({ values, manager, user }: RecordWrite): Promise<Row> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`disbursement-batch:${String(values.programId)}:${String(values.year)}:${String(values.term)}`]);
    const [program] = await manager.query('SELECT name FROM programs WHERE id = $1', [values.programId]);
    if (!program) throw ApiException.validation({ programId: FUND_MESSAGES.programMissing });
    const [region] = await manager.query('SELECT name, scope_path FROM regions WHERE id = $1', [values.regionId]);
    if (region) {
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n ${CANDIDATES}`, [values.programId, values.year, values.term, `${region.scope_path}%`]);
      if (n === 0) throw ApiException.validation({ programId: FUND_MESSAGES.nothingToPay });
    }
    const termLabel = TERMS.find((t) => t.value === values.term)?.label.zh ?? '';
    return { title: `${program.name} ${values.year}年${termLabel} · ${region?.name ?? ''} · ${values.date}`.slice(0, 200), createdBy: user.id };
  }

  async afterWrite({ action, after, manager, user }: RecordChange): Promise<void> {
    if (action !== 'create' || !after) return;
    await fill(manager, after, user);
    await refreshBatch(manager, after.id as number);
  }
}

/** One statement: the lines, their audit rows; entries without an account are left out, with the reason. */
async function fill(manager: EntityManager, batch: Row, user: SessionUser): Promise<void> {
  const [region] = await manager.query('SELECT scope_path FROM regions WHERE id = $1', [batch.regionId]);
  const params = [batch.programId, batch.year, batch.term, `${region.scope_path}%`, batch.id, batch.date, batch.method, user.id];
  await manager.query(
    `WITH picked AS (
       SELECT e.id AS entry_id, e.student_id, e.program_id, e.year, e.term, r.school_id, e.amount, s.bank_account, r.scope_path,
              row_number() OVER (ORDER BY e.id) AS n
       ${CANDIDATES} AND COALESCE(s.bank_account, '') <> ''),
     added AS (
       INSERT INTO disbursements (serial_no, batch_id, student_id, roster_entry_id, program_id, year, term, school_id, region_id,
                                  amount, date, method, account, status, scope_path, version)
       SELECT $5::int || '-' || lpad(p.n::text, 6, '0'), $5::int, p.student_id, p.entry_id, p.program_id, p.year, p.term, p.school_id,
              ${COUNTY_OF_PATH('p.scope_path')}, p.amount, $6::date, $7::varchar, p.bank_account, 'pending', p.scope_path, 1
         FROM picked p ORDER BY p.n
       ON CONFLICT (roster_entry_id) WHERE status IN ('pending', 'paid') DO NOTHING
       RETURNING id, serial_no, student_id, roster_entry_id, amount, scope_path)
     INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
     SELECT now(), $8::int, 'create', '${disbursementResource.name}', a.id::text, NULL,
            jsonb_build_object('serialNo', a.serial_no, 'batchId', $5::int, 'studentId', a.student_id, 'rosterEntryId', a.roster_entry_id,
                               'amount', a.amount, 'status', 'pending'),
            a.scope_path
       FROM added a`,
    params,
  );
  // Whom the batch left out, and why: listed on the batch's page, counted on the batch.
  await manager.query(
    `WITH left_out AS (
       INSERT INTO disbursement_exclusions (batch_id, student_id, school_id, roster_entry_id, amount, reason, scope_path)
       SELECT $5::int, e.student_id, r.school_id, e.id, e.amount, 'noAccount', r.scope_path
       ${CANDIDATES} AND COALESCE(s.bank_account, '') = ''
       ORDER BY e.id
       RETURNING 1)
     UPDATE disbursement_batches SET skipped_no_account = (SELECT count(*) FROM left_out) WHERE id = $5`,
    params.slice(0, 5),
  );
}

/** A batch's figures (应发, 成功, 失败), from its lines. */
export async function refreshBatch(manager: EntityManager, batchId: number): Promise<void> {
  await manager.query(batchFiguresSql('b.id = $1'), [batchId]);
}
