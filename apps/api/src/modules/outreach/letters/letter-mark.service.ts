import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate } from '@zizhu/identities';
import { letterResource, type LetterStatus } from '@zizhu/outreach';
import type { LetterMarkSummary, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import { type Condition, whereClause } from '../../../engine/rest/list-query';
import { parseListQuery } from '../../../engine/rest/query-parser';
import { readScope } from '../../../engine/scope/scope';
import type { MarkLettersDto } from './dtos/mark-letters.dto';
import { LETTER_MESSAGES } from './letter-messages';
import { letterStateProblem, statusOfDates } from './letter-status';

/** A letter as marking reads and writes it. */
export interface MarkedLetter {
  id: number;
  status: LetterStatus;
  deliveredAt: string | null;
  receiptReturnedAt: string | null;
}

/** One letter's new dates (the status follows them). */
export interface LetterDates {
  id: number;
  deliveredAt: string | null;
  receiptReturnedAt: string | null;
}

/** 2026-02-30 is no date, even though JavaScript would roll it over. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The letters, locked, in the caller's subtree (the writer's scope: marks change records). */
export async function lockLetters(manager: EntityManager, conditions: Condition[], user: SessionUser): Promise<(MarkedLetter & { scopePath: string })[]> {
  const params: unknown[] = [];
  const where = whereClause([...conditions, ...readScope(letterResource, user)], params);
  return manager.query(
    `SELECT t.id, t.status, t.delivered_at AS "deliveredAt", t.receipt_returned_at AS "receiptReturnedAt", t.scope_path AS "scopePath"
       FROM letters t WHERE ${where} ORDER BY t.id FOR UPDATE`,
    params,
  );
}

/**
 * Writes new dates (and the status they imply) on locked letters, with their audit rows,
 * in one statement.
 */
export async function writeLetterDates(manager: EntityManager, changes: readonly LetterDates[], user: SessionUser): Promise<void> {
  if (!changes.length) return;
  await manager.query(
    `WITH v AS (SELECT * FROM unnest($1::int[], $2::date[], $3::date[], $4::text[]) AS v(id, delivered_at, receipt_returned_at, status)),
     before AS (SELECT l.id, l.status, l.delivered_at, l.receipt_returned_at FROM letters l JOIN v ON v.id = l.id),
     changed AS (
       UPDATE letters l SET status = v.status, delivered_at = v.delivered_at, receipt_returned_at = v.receipt_returned_at,
              version = l.version + 1, updated_at = now()
         FROM v WHERE l.id = v.id
       RETURNING l.id, l.status, l.delivered_at, l.receipt_returned_at, l.scope_path)
     INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
     SELECT now(), $5, 'update', '${letterResource.name}', c.id::text,
            jsonb_build_object('status', b.status, 'deliveredAt', b.delivered_at, 'receiptReturnedAt', b.receipt_returned_at),
            jsonb_build_object('status', c.status, 'deliveredAt', c.delivered_at, 'receiptReturnedAt', c.receipt_returned_at),
            c.scope_path
       FROM changed c JOIN before b ON b.id = c.id`,
    [
      changes.map((c) => c.id),
      changes.map((c) => c.deliveredAt),
      changes.map((c) => c.receiptReturnedAt),
      changes.map((c) => statusOfDates(c.deliveredAt, c.receiptReturnedAt)),
      user.id,
    ],
  );
}

/** Counts of a mark or a sheet: how many letters each outcome took. */
export function markSummary(matched: number, letters: readonly MarkedLetter[], changes: readonly LetterDates[]): LetterMarkSummary {
  const before = new Map(letters.map((l) => [l.id, l]));
  let delivered = 0;
  let receiptsReturned = 0;
  for (const change of changes) {
    const was = before.get(change.id);
    if (change.deliveredAt && !was?.deliveredAt) delivered++;
    if (change.receiptReturnedAt && !was?.receiptReturnedAt) receiptsReturned++;
  }
  return { matched, delivered, receiptsReturned, unchanged: matched - changes.length };
}

/**
 * 标记送达 / 回执 in bulk: `POST /letters/mark` `{ ids | filter, status, date }`. A letter
 * marked delivered that is already delivered keeps its date; a receipt marked on a letter
 * never marked delivered gives it the same delivery date. All or nothing: a receipt dated
 * before a letter's delivery refuses the whole request, naming the letters.
 */
@Injectable()
export class LetterMarkService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async mark(body: MarkLettersDto, user: SessionUser): Promise<LetterMarkSummary> {
    if ((body.ids == null) === (body.filter == null)) throw ApiException.validation({ ids: LETTER_MESSAGES.idsOrFilter });
    if (!isCalendarDate(body.date)) throw ApiException.validation({ date: LETTER_MESSAGES.markDate });
    const today = chinaDate(new Date());
    if (body.date > today) throw ApiException.validation({ date: LETTER_MESSAGES.dateInFuture(today) });
    const conditions: Condition[] = body.ids
      ? [{ kind: 'in', column: 'id', values: [...new Set(body.ids)] }]
      : parseListQuery(letterResource, { filter: JSON.stringify(body.filter) }).conditions;

    return this.db.transaction(async (manager) => {
      const letters = await lockLetters(manager, conditions, user);
      if (body.ids) {
        const found = new Set(letters.map((l) => l.id));
        const missing = [...new Set(body.ids)].filter((id) => !found.has(id));
        if (missing.length) throw ApiException.validation({ ids: LETTER_MESSAGES.idsNotFound(missing) });
      } else if (!letters.length) {
        throw ApiException.validation({ filter: LETTER_MESSAGES.nothingMatched });
      }
      const changes = letters.map((letter) => marked(letter, body.status, body.date)).filter((c): c is LetterDates => c !== null);
      const early = changes.filter((c) => letterStateProblem({ status: statusOfDates(c.deliveredAt, c.receiptReturnedAt), ...c }, today)).map((c) => c.id);
      if (early.length) throw ApiException.validation({ date: LETTER_MESSAGES.receiptBeforeDeliveryIn(early) });
      await writeLetterDates(manager, changes, user);
      return markSummary(letters.length, letters, changes);
    });
  }
}

/** The letter's new dates under this mark, or null when it already says so. */
function marked(letter: MarkedLetter, status: 'delivered' | 'receiptReturned', date: string): LetterDates | null {
  if (status === 'delivered') return letter.deliveredAt ? null : { id: letter.id, deliveredAt: date, receiptReturnedAt: null };
  if (letter.receiptReturnedAt) return null;
  return { id: letter.id, deliveredAt: letter.deliveredAt ?? date, receiptReturnedAt: date };
}
