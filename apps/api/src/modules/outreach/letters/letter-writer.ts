import { letterResource, type LetterRunCounts } from '@zizhu/outreach';
import { maskValue } from '@zizhu/schema';
import { type LetterContext, type LetterRecipient, type LetterTemplateText, renderLetter } from './letter-content';

/** A query on the caller's connection and transaction (an EntityManager's, or the seed's client). */
export type Sql = (text: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** Whose letters: the students now at the schools under `scopePath` (a school's or a region's path). */
export interface LetterTarget {
  scopePath: string;
  year: number;
  term: string;
}

export interface LetterTemplateVersion extends LetterTemplateText {
  id: number;
  revision: number;
}

/** Letters written per statement: the rendered texts travel as one JSON parameter. */
const CHUNK = 500;

/**
 * The aid recipients of a term under a path, from what was actually paid: every paid line
 * of the term (wherever it was paid) less what was refunded from it, lines refunded in full
 * left out, one row per student now at a school under the path. One statement.
 */
export async function loadRecipients(sql: Sql, target: LetterTarget): Promise<LetterRecipient[]> {
  const rows = await sql(
    `SELECT s.id AS "studentId", s.school_id AS "schoolId", s.name AS "studentName", s.guardian_name AS "guardianName",
            s.grade, s.class_name AS "className", sc.name AS "schoolName", sc.scope_path AS "scopePath",
            jsonb_agg(jsonb_build_object('programId', p.id, 'program', p.name, 'amount', d.amount - rf.refunded, 'paid', d.amount,
                                         'refunded', rf.refunded, 'date', d.date, 'account', d.account) ORDER BY d.date, d.id) AS payments,
            sum(d.amount - rf.refunded)::bigint AS total
       FROM students s
       JOIN schools sc ON sc.id = s.school_id
       JOIN disbursements d ON d.student_id = s.id AND d.status = 'paid' AND d.year = $2 AND d.term = $3
       JOIN programs p ON p.id = d.program_id
      CROSS JOIN LATERAL (SELECT COALESCE(sum(r.amount), 0)::bigint AS refunded FROM refunds r WHERE r.disbursement_id = d.id) rf
      WHERE s.scope_path LIKE $1 AND d.amount > rf.refunded
      GROUP BY s.id, sc.id
      ORDER BY s.id`,
    [pathPattern(target.scopePath), target.year, target.term],
  );
  return rows.map((row) => ({
    ...(row as unknown as LetterRecipient),
    total: Number(row.total),
    payments: (row.payments as LetterRecipient['payments']).map((p) => ({
      ...p,
      amount: Number(p.amount),
      paid: Number(p.paid),
      refunded: Number(p.refunded),
      account: p.account ? maskValue('account', p.account) : null,
    })),
  }));
}

/** Whether anything was paid (net of refunds) to a student under the path in the term. */
export async function hasRecipients(sql: Sql, target: LetterTarget): Promise<boolean> {
  const rows = await sql(
    `SELECT 1 FROM students s
       JOIN disbursements d ON d.student_id = s.id AND d.status = 'paid' AND d.year = $2 AND d.term = $3
      WHERE s.scope_path LIKE $1
        AND d.amount > (SELECT COALESCE(sum(r.amount), 0) FROM refunds r WHERE r.disbursement_id = d.id)
      LIMIT 1`,
    [pathPattern(target.scopePath), target.year, target.term],
  );
  return rows.length > 0;
}

/** `LIKE` pattern of everything under a path. */
function pathPattern(path: string): string {
  return `${path.replace(/[\\%_]/g, '\\$&')}%`;
}

export interface LetterWrite {
  target: LetterTarget;
  template: LetterTemplateVersion;
  context: LetterContext;
  /** Who the audit rows name; null for the demo seed, which writes none. */
  userId: number | null;
  /** Called after each chunk with the share done (0–1). */
  progress?: (fraction: number) => Promise<void>;
}

/**
 * Makes or refreshes the letters of a target for a term, in the caller's transaction:
 * one per recipient (unique by student and term); a letter still `generated` takes the
 * new payments and text (and a version) only when they changed, one already delivered is
 * kept as it is, and a still-generated letter whose student has nothing left paid goes.
 * Running it twice changes nothing the second time.
 */
export async function writeLetters(sql: Sql, write: LetterWrite): Promise<LetterRunCounts> {
  const { target, template, context, userId } = write;
  const recipients = await loadRecipients(sql, target);
  const studentIds = recipients.map((r) => r.studentId);
  const [{ kept }] = await sql(
    `SELECT count(*)::int AS kept FROM letters WHERE year = $1 AND term = $2 AND student_id = ANY($3::int[]) AND status <> 'generated'`,
    [target.year, target.term, studentIds],
  );
  const counts: LetterRunCounts = { recipients: recipients.length, created: 0, updated: 0, kept: Number(kept), removed: 0 };

  for (let start = 0; start < recipients.length; start += CHUNK) {
    const rows = recipients.slice(start, start + CHUNK).map((r) => ({
      student_id: r.studentId,
      school_id: r.schoolId,
      payments: r.payments,
      total: r.total,
      scope_path: r.scopePath,
      ...renderLetter(template, r, context),
    }));
    const [written] = await sql(
      `WITH v AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(student_id int, school_id int, payments jsonb, total bigint, content text, receipt text, scope_path text)),
       up AS (
         INSERT INTO letters (student_id, school_id, year, term, template_id, template_revision, payments, total, content, receipt, status, scope_path, version)
         SELECT v.student_id, v.school_id, $2, $3, $4, $5, v.payments, v.total, v.content, v.receipt, 'generated', v.scope_path, 1 FROM v
         ON CONFLICT (student_id, year, term) DO UPDATE
            SET school_id = EXCLUDED.school_id, template_id = EXCLUDED.template_id, template_revision = EXCLUDED.template_revision,
                payments = EXCLUDED.payments, total = EXCLUDED.total, content = EXCLUDED.content, receipt = EXCLUDED.receipt,
                scope_path = EXCLUDED.scope_path, version = letters.version + 1, updated_at = now()
          WHERE letters.status = 'generated'
            AND (letters.school_id, letters.template_id, letters.template_revision, letters.payments, letters.total, letters.content, letters.receipt)
                IS DISTINCT FROM (EXCLUDED.school_id, EXCLUDED.template_id, EXCLUDED.template_revision, EXCLUDED.payments, EXCLUDED.total, EXCLUDED.content, EXCLUDED.receipt)
         RETURNING letters.id, letters.scope_path, letters.total, letters.template_id, letters.template_revision, (xmax = 0) AS inserted),
       audited AS (
         INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
         SELECT now(), $6::int, CASE WHEN up.inserted THEN 'create' ELSE 'update' END, '${letterResource.name}', up.id::text, NULL,
                jsonb_build_object('total', up.total, 'templateId', up.template_id, 'templateRevision', up.template_revision), up.scope_path
           FROM up WHERE $6::int IS NOT NULL
         RETURNING 1)
       SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated,
              (SELECT count(*) FROM audited)::int AS audited
         FROM up`,
      [JSON.stringify(rows), target.year, target.term, template.id, template.revision, userId],
    );
    counts.created += Number(written.created);
    counts.updated += Number(written.updated);
    await write.progress?.(Math.min(start + CHUNK, recipients.length) / Math.max(recipients.length, 1));
  }

  const [{ removed }] = await sql(
    `WITH gone AS (
       DELETE FROM letters l
        WHERE l.year = $1 AND l.term = $2 AND l.status = 'generated' AND l.scope_path LIKE $3 AND l.student_id <> ALL($4::int[])
       RETURNING l.id, l.scope_path, l.total),
     audited AS (
       INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
       SELECT now(), $5::int, 'delete', '${letterResource.name}', gone.id::text, jsonb_build_object('total', gone.total), NULL, gone.scope_path
         FROM gone WHERE $5::int IS NOT NULL
       RETURNING 1)
     SELECT count(*)::int AS removed, (SELECT count(*) FROM audited)::int AS audited FROM gone`,
    [target.year, target.term, pathPattern(target.scopePath), studentIds, userId],
  );
  counts.removed = Number(removed);
  return counts;
}
