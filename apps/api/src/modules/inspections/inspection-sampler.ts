import { allocateSample, maskName } from '@zizhu/checks';
import type { InspectionSample, SampledStudent } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { currentTerm } from '../checks/data-items/data-item';

type Term = { year: number; term: 'spring' | 'autumn' };

/** A term's place in time: spring of a year before its autumn (which starts the school year). */
const TERM_ORDER = `(d.year * 2 + CASE d.term WHEN 'autumn' THEN 1 ELSE 0 END)`;

/**
 * The latest term, up to today's, in which the school paid aid (已发放 lines of its own),
 * or null when it never did.
 */
export async function latestPaidTerm(manager: EntityManager, school: { id: number; scopePath: string }, today: string): Promise<Term | null> {
  const now = currentTerm(today);
  const [row] = await manager.query(
    `SELECT d.year, d.term FROM disbursements d
      WHERE d.scope_path LIKE $1 AND d.school_id = $2 AND d.status = 'paid' AND d.term IN ('spring', 'autumn') AND ${TERM_ORDER} <= $3
      ORDER BY ${TERM_ORDER} DESC LIMIT 1`,
    [`${school.scopePath}%`, school.id, now.year * 2 + (now.term === 'autumn' ? 1 : 0)],
  );
  return row ? { year: Number(row.year), term: row.term } : null;
}

/**
 * The recipients a sample draws from: students enrolled at the school now who were paid
 * by it in the term (the whole year's programs count with their year), one row per student
 * — a student paid by two programs is counted in one of them, chosen by the draw's seed —
 * with what that program paid them in the term. `$1` scope prefix, `$2` school, `$3` year,
 * `$4` term, `$5` seed.
 */
const RECIPIENTS = `
  paid AS (
    SELECT d.student_id, d.program_id, sum(d.amount)::bigint AS amount
      FROM disbursements d JOIN students s ON s.id = d.student_id
     WHERE d.scope_path LIKE $1 AND d.school_id = $2 AND d.status = 'paid' AND d.year = $3 AND d.term IN ($4, 'yearly')
       AND s.school_id = $2 AND s.status = 'enrolled'
     GROUP BY d.student_id, d.program_id),
  recipients AS (
    SELECT DISTINCT ON (student_id) student_id, program_id, amount
      FROM paid ORDER BY student_id, md5($5 || ':' || program_id), program_id)`;

/**
 * Draws `size` recipients for one sample item: stratified by program (allocateSample: in
 * proportion, at least one from each while the size allows), at random within each program
 * (ordered by a hash of the seed and the student, so one draw is one seed), each shown with
 * a masked name, the program and the amount paid. Two set-based queries: the strata, then
 * the draw.
 */
export async function drawSample(
  manager: EntityManager,
  school: { id: number; scopePath: string },
  term: Term,
  size: number,
  seed: string,
): Promise<SampledStudent[]> {
  const params = [`${school.scopePath}%`, school.id, term.year, term.term, seed];
  const strata: { programId: number; size: number }[] = await manager.query(
    `WITH ${RECIPIENTS} SELECT program_id AS "programId", count(*)::int AS size FROM recipients GROUP BY program_id`,
    params,
  );
  const quotas = allocateSample(
    strata.map((s) => ({ key: Number(s.programId), size: s.size })),
    size,
  );
  const drawn = [...quotas.entries()].filter(([, quota]) => quota > 0);
  if (!drawn.length) return [];
  const rows: { studentId: number; name: string; programId: number; programName: string; amountPaid: string }[] = await manager.query(
    `WITH ${RECIPIENTS},
       ranked AS (SELECT r.*, row_number() OVER (PARTITION BY r.program_id ORDER BY md5($5 || ':' || r.student_id), r.student_id) AS n FROM recipients r)
     SELECT k.student_id AS "studentId", s.name, k.program_id AS "programId", p.name AS "programName", k.amount AS "amountPaid"
       FROM ranked k
       JOIN unnest($6::int[], $7::int[]) AS q(program_id, quota) ON q.program_id = k.program_id AND k.n <= q.quota
       JOIN students s ON s.id = k.student_id
       JOIN programs p ON p.id = k.program_id
      ORDER BY k.program_id, k.n`,
    [...params, drawn.map(([programId]) => programId), drawn.map(([, quota]) => quota)],
  );
  return rows.map((row) => ({
    studentId: Number(row.studentId),
    name: maskName(row.name),
    programId: Number(row.programId),
    programName: row.programName,
    amountPaid: Number(row.amountPaid),
  }));
}

/** The sample of each sample item, from the latest paid term (the current one, when none was ever paid, with no one in it). */
export async function drawSamples(
  manager: EntityManager,
  school: { id: number; scopePath: string },
  items: readonly { key: string; size: number }[],
  today: string,
  seed: string,
): Promise<InspectionSample[]> {
  if (!items.length) return [];
  const term = (await latestPaidTerm(manager, school, today)) ?? (currentTerm(today) as Term);
  const samples: InspectionSample[] = [];
  for (const item of items) {
    samples.push({ itemKey: item.key, ...term, students: await drawSample(manager, school, term, item.size, `${seed}:${item.key}`) });
  }
  return samples;
}
