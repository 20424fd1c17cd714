import { ID_NUMBER_LENGTH } from '@zizhu/schema';

/**
 * The statements of one comparison run, all set-based: each step is one statement over
 * every identity of the chosen lists and every enrolled student of the run's region, so
 * the planner hash-joins on the ID number, then on (birth date, name) — a blocked join,
 * never all pairs. They run in one transaction on temp tables dropped at commit.
 * Named parameters (see `bindParams`): :comparisonId, :pattern (the run region's path,
 * '450900.450902.%'), :listIds (int[]), :regionId (the run's region).
 */

export interface RunParams {
  comparisonId: number;
  pattern: string;
  listIds: number[];
  regionId: string;
}

/** The table holding one run's results: a partition of comparison_results. */
export function resultsPartition(comparisonId: number): string {
  if (!Number.isSafeInteger(comparisonId) || comparisonId <= 0) throw new Error(`Not a run id: ${comparisonId}`);
  return `comparison_results_${comparisonId}`;
}

/**
 * `:name` placeholders to `$n`, with exactly the values the statement uses. DDL takes no
 * parameters, so `{{partition}}` (the run's results table) and `{{comparisonId}}` are
 * written into the text, from the integer id only.
 */
export function bindParams(sql: string, params: RunParams): [string, unknown[]] {
  const order: (keyof RunParams)[] = [];
  const text = sql
    .replaceAll('{{partition}}', `"${resultsPartition(params.comparisonId)}"`)
    .replaceAll('{{comparisonId}}', String(params.comparisonId))
    .replace(/(?<!:):([a-z][A-Za-z]*)\b/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`Unknown parameter :${name}`);
      const key = name as keyof RunParams;
      if (!order.includes(key)) order.push(key);
      return `$${order.indexOf(key) + 1}`;
    });
  return [text, order.map((key) => params[key])];
}

/** Whether a result gives the student a mark (mirrors `carriesMark` in @zizhu/identities). */
export function markSql(decision = 'decision', outcome = 'outcome'): string {
  return `((${outcome} = 'matched' AND ${decision} <> 'rejected') OR (${outcome} = 'questionable' AND ${decision} = 'confirmed'))`;
}


const ENROLLED_IN_REGION = `s.status = 'enrolled' AND s.scope_path LIKE :pattern`;

/**
 * The persons of the lists, each with its effective type and "home": the household region,
 * else the county coded in the ID number, else the list's region.
 */
export const IDENTITIES_TABLE_SQL = `
CREATE TEMP TABLE cmp_identities (
  identity_id integer NOT NULL, id_number varchar(${ID_NUMBER_LENGTH}) NOT NULL, name varchar(50) NOT NULL, birth_date date,
  list_id integer NOT NULL, identity_type_id integer, home_region_id varchar(12) NOT NULL,
  home_path varchar(200) COLLATE "C" NOT NULL, list_path varchar(200) COLLATE "C" NOT NULL
) ON COMMIT DROP`;

export const IDENTITIES_SQL = `
INSERT INTO cmp_identities
SELECT i.id AS identity_id, i.id_number, i.name, i.birth_date, i.list_id,
       COALESCE(i.identity_type_id, l.identity_type_id) AS identity_type_id,
       COALESCE(hr.id, br.id, l.region_id) AS home_region_id,
       COALESCE(hr.scope_path, br.scope_path, l.scope_path) AS home_path,
       l.scope_path AS list_path
  FROM identities i
  JOIN identity_lists l ON l.id = i.list_id
  LEFT JOIN regions hr ON hr.id = i.household_region_id
  LEFT JOIN regions br ON br.id = left(i.id_number, 6)
 WHERE i.list_id = ANY(:listIds::int[])`;

export const MATCHES_TABLE_SQL = `
CREATE TEMP TABLE cmp_matches (
  student_id integer, identity_id integer NOT NULL, identity_type_id integer,
  person_name varchar(50), person_id_number varchar(${ID_NUMBER_LENGTH}), region_id varchar(12) NOT NULL,
  outcome varchar(32) NOT NULL, reason varchar(32) NOT NULL, scope_path varchar(200) COLLATE "C" NOT NULL,
  school_id integer, stage varchar(32)
) ON COMMIT DROP`;

/**
 * (1) Same ID number: matched, or questionable when the names differ. Each match keeps
 * the student's path, school and stage as they are now: the run's snapshot, which the
 * summary and the progress read instead of the students.
 */
export const EXACT_SQL = `
INSERT INTO cmp_matches
SELECT s.id, ci.identity_id, ci.identity_type_id, ci.name, ci.id_number, :regionId,
       CASE WHEN s.name = ci.name THEN 'matched' ELSE 'questionable' END,
       CASE WHEN s.name = ci.name THEN 'idNumber' ELSE 'nameDiffers' END,
       s.scope_path, s.school_id, s.stage
  FROM cmp_identities ci
  JOIN students s ON s.id_number = ci.id_number
 WHERE ${ENROLLED_IN_REGION}`;

/** (2) No ID match in the region, but a student with the same name and birth date: questionable. */
export const NAME_AND_BIRTH_DATE_SQL = `
INSERT INTO cmp_matches
SELECT s.id, ci.identity_id, ci.identity_type_id, ci.name, ci.id_number, :regionId, 'questionable', 'nameAndBirthDate',
       s.scope_path, s.school_id, s.stage
  FROM cmp_identities ci
  JOIN students s ON s.birth_date = ci.birth_date AND s.name = ci.name
 WHERE ${ENROLLED_IN_REGION}
   AND s.id_number <> ci.id_number
   AND NOT EXISTS (SELECT 1 FROM cmp_matches m WHERE m.identity_id = ci.identity_id)`;

/**
 * (3) Persons of the region (by home, or on a list of the region) no enrolled student of
 * the region matched: 县外/市外就读 follow-up, filed under their home region when it lies
 * inside the run's region.
 */
export const UNMATCHED_SQL = `
INSERT INTO cmp_matches
SELECT NULL, ci.identity_id, ci.identity_type_id, ci.name, ci.id_number,
       CASE WHEN ci.home_path LIKE :pattern THEN ci.home_region_id ELSE :regionId END,
       'unmatched', 'noStudent',
       CASE WHEN ci.home_path LIKE :pattern THEN ci.home_path ELSE (SELECT scope_path FROM regions WHERE id = :regionId) END,
       NULL, NULL
  FROM cmp_identities ci
 WHERE (ci.home_path LIKE :pattern OR ci.list_path LIKE :pattern)
   AND NOT EXISTS (SELECT 1 FROM cmp_matches m WHERE m.identity_id = ci.identity_id)`;

/** A stored result and a fresh match are the same when student and identity agree. */
const SAME_PAIR = `m.identity_id = r.identity_id AND COALESCE(m.student_id, 0) = COALESCE(r.student_id, 0)`;
const MATCH_COLUMNS = ['outcome', 'reason', 'identity_type_id', 'person_name', 'person_id_number', 'region_id', 'scope_path', 'school_id', 'stage'];
const INSERT_COLUMNS = `comparison_id, student_id, identity_id, ${MATCH_COLUMNS.join(', ')}, decision, marked, version`;
const NEW_VALUES = `:comparisonId, m.student_id, m.identity_id, ${MATCH_COLUMNS.map((c) => `m.${c}`).join(', ')}, 'pending', m.outcome = 'matched', 1`;

/**
 * A first run (nothing stored yet) builds its results as a plain table, every match new
 * and pending (an exact one gives its mark at once), then attaches it as the run's
 * partition: PostgreSQL builds the indexes by sorting and checks each foreign key with one
 * join, where inserting into the indexed table paid per-row index inserts and a per-row
 * trigger per foreign key (about 40 s for a million results against 2 s + 5 s). The check
 * constraint lets the attach skip scanning the rows for the partition bound. Only the keys
 * decisions rest on are checked (student, identity, run; the evidence file and the decider,
 * empty here): identity type, region and school are the run's snapshot, without keys.
 * Checking the foreign keys locks the referenced tables (students, comparisons, …) against writes until
 * commit, so the attach is the run's last statement; the steps before it read and write
 * the run's table by its own name, attached or not.
 */
export const CREATE_PARTITION_SQL = `
CREATE TABLE {{partition}} (LIKE comparison_results INCLUDING DEFAULTS,
  CONSTRAINT "ck_comparison_results_{{comparisonId}}_run" CHECK (comparison_id = {{comparisonId}}))`;

export const FILL_PARTITION_SQL = `
INSERT INTO {{partition}} (${INSERT_COLUMNS})
SELECT ${NEW_VALUES} FROM cmp_matches m`;

export const ATTACH_PARTITION_SQL = `
ALTER TABLE comparison_results ATTACH PARTITION {{partition}} FOR VALUES IN ({{comparisonId}})`;

/**
 * A re-run: the fresh matches and the stored results meet once, in one hash full join on
 * (identity, student), and each pair that differs is kept with its action — stale (stored,
 * not found again), new or changed. The three writes below then touch only those rows, by id.
 */
export const MERGE_TABLE_SQL = `
CREATE TEMP TABLE cmp_merge (
  result_id integer, stored_outcome varchar(32), student_id integer, identity_id integer, identity_type_id integer,
  person_name varchar(50), person_id_number varchar(${ID_NUMBER_LENGTH}), region_id varchar(12), outcome varchar(32), reason varchar(32),
  scope_path varchar(200) COLLATE "C", school_id integer, stage varchar(32), action varchar(8) NOT NULL
) ON COMMIT DROP`;

export const MERGE_SQL = `
INSERT INTO cmp_merge (result_id, stored_outcome, student_id, identity_id, ${MATCH_COLUMNS.join(', ')}, action)
SELECT * FROM (
  -- A stale pair keeps the stored result's path: its execution's removals are counted there.
  SELECT r.id, r.outcome, m.student_id, m.identity_id,
         ${MATCH_COLUMNS.map((c) => (c === 'scope_path' ? 'COALESCE(m.scope_path, r.scope_path)' : `m.${c}`)).join(', ')},
         CASE WHEN m.identity_id IS NULL THEN 'stale' WHEN r.id IS NULL THEN 'new'
              WHEN (${MATCH_COLUMNS.map((c) => `r.${c}`).join(', ')}) IS DISTINCT FROM (${MATCH_COLUMNS.map((c) => `m.${c}`).join(', ')}) THEN 'changed'
              ELSE 'same' END AS action
    FROM cmp_matches m
    FULL JOIN {{partition}} r ON ${SAME_PAIR}) pairs
 -- Unchanged pairs (most of a re-run) are not even copied.
 WHERE action <> 'same'`;

/** Results the run no longer finds go (with their decisions: the match itself changed). */
export const DELETE_STALE_SQL = `
DELETE FROM {{partition}} WHERE id IN (SELECT result_id FROM cmp_merge WHERE action = 'stale')`;

/**
 * Results found again keep their decision unless the outcome changed (a questionable match
 * that became exact, say), which sends them back to the school as pending; the mark follows.
 * Unchanged results are not written at all.
 */
export const UPDATE_FOUND_SQL = `
UPDATE {{partition}} r
   SET ${MATCH_COLUMNS.map((c) => `${c} = m.${c}`).join(', ')},
       decision = CASE WHEN r.outcome = m.outcome THEN r.decision ELSE 'pending' END,
       decision_reason = CASE WHEN r.outcome = m.outcome THEN r.decision_reason END,
       decided_by = CASE WHEN r.outcome = m.outcome THEN r.decided_by END,
       decided_at = CASE WHEN r.outcome = m.outcome THEN r.decided_at END,
       marked = ${markSql(`CASE WHEN r.outcome = m.outcome THEN r.decision ELSE 'pending' END`, 'm.outcome')},
       version = r.version + 1, updated_at = now()
  FROM cmp_merge m
 WHERE m.action = 'changed' AND r.id = m.result_id`;

/**
 * New results of a re-run, pending, into the attached (indexed) table: in scope-path order,
 * so the (scope_path, id) index grows at its right edge instead of splitting pages.
 */
export const INSERT_NEW_SQL = `
INSERT INTO {{partition}} (${INSERT_COLUMNS})
SELECT ${NEW_VALUES} FROM cmp_merge m WHERE m.action = 'new' ORDER BY m.scope_path`;
