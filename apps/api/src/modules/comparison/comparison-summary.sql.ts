/**
 * A run's summary down the region tree, set-based: enrolled students counted per school ×
 * stage (the one read of students), matches reduced to one row per student × type — by the
 * school and stage each result carries from its match, so results are never joined back to
 * students (and per student, for the all-types
 * line where a student with two identities counts once), unmatched persons per home region;
 * then one `GROUP BY ROLLUP (city, county, township, school)` over those school- and
 * region-level cells adds every level above. Sums are exact at every level because each
 * student sits in one school and each unmatched person in one home region. Named
 * parameters as in comparison-match.sql.ts (:comparisonId, :pattern); the run's results are
 * read from its own table ({{partition}}), which a first run attaches only afterwards.
 */

export const DELETE_SUMMARY_SQL = `DELETE FROM comparison_summary_rows WHERE comparison_id = :comparisonId`;

const COUNTS = ['compared', 'found', 'matched', 'questionable', 'marked', 'unmatched'];

export const SUMMARY_TREE_SQL = `
INSERT INTO comparison_summary_rows (comparison_id, level, node_id, node_name, parent_id, node_path, stage, identity_type_id,
       students_compared, students_found, matched, questionable, marked, unmatched)
WITH per_type AS MATERIALIZED (
  -- One row per student × type, with the student's school and stage as the match found them.
  SELECT r.school_id, r.stage, r.student_id, r.identity_type_id,
         bool_or(r.outcome = 'matched') AS m, bool_or(r.outcome = 'questionable') AS q, bool_or(r.marked) AS k
    FROM {{partition}} r
   WHERE r.student_id IS NOT NULL
   GROUP BY 1, 2, 3, 4),
per_student AS (
  SELECT school_id, stage, student_id, NULL::int AS identity_type_id, bool_or(m) AS m, bool_or(q) AS q, bool_or(k) AS k
    FROM per_type GROUP BY 1, 2, 3),
cells AS (
  SELECT s.school_id, NULL::varchar AS region_id, s.stage, NULL::int AS identity_type_id,
         count(*) AS compared, 0 AS found, 0 AS matched, 0 AS questionable, 0 AS marked, 0 AS unmatched
    FROM students s WHERE s.status = 'enrolled' AND s.scope_path LIKE :pattern
   GROUP BY 1, 3
  UNION ALL
  SELECT f.school_id, NULL, f.stage, f.identity_type_id, 0, count(*),
         count(*) FILTER (WHERE f.m), count(*) FILTER (WHERE f.q), count(*) FILTER (WHERE f.k), 0
    FROM (SELECT * FROM per_type UNION ALL SELECT * FROM per_student) f
   GROUP BY 1, 3, 4
  UNION ALL
  SELECT NULL, u.region_id, NULL, u.identity_type_id, 0, 0, 0, 0, 0, count(*)
    FROM {{partition}} u WHERE u.outcome = 'unmatched' GROUP BY 2, 4
  UNION ALL
  -- All types: a person on two lists is one person.
  SELECT NULL, p.region_id, NULL, NULL, 0, 0, 0, 0, 0, count(*)
    FROM (SELECT DISTINCT region_id, person_id_number FROM {{partition}} WHERE outcome = 'unmatched') p GROUP BY 2),
placed AS (
  SELECT c.*, split_part(rg.scope_path, '.', 1) AS city,
         NULLIF(split_part(rg.scope_path, '.', 2), '') AS county, NULLIF(split_part(rg.scope_path, '.', 3), '') AS township
    FROM cells c
    LEFT JOIN schools sc ON sc.id = c.school_id
    JOIN regions rg ON rg.id = COALESCE(sc.region_id, c.region_id)),
tree AS (
  SELECT city, county, township, school_id, stage, identity_type_id, GROUPING(stage) AS g_stage,
         CASE WHEN GROUPING(county) = 1 THEN 'city' WHEN GROUPING(township) = 1 THEN 'county'
              WHEN GROUPING(school_id) = 1 THEN 'township' ELSE 'school' END AS level,
         ${COUNTS.map((c) => `sum(${c})::int AS ${c}`).join(', ')}
    FROM placed
   GROUP BY ROLLUP (city, county, township, school_id), GROUPING SETS ((stage), ()), identity_type_id
  HAVING GROUPING(city) = 0),
nodes AS (
  SELECT t.*, CASE level WHEN 'school' THEN school_id::text WHEN 'township' THEN township WHEN 'county' THEN county ELSE city END AS node_id,
         CASE level WHEN 'school' THEN COALESCE(township, county) WHEN 'township' THEN county WHEN 'county' THEN city END AS parent_id
    FROM tree t
   -- Unmatched persons have no stage: they count in the all-stages lines only. A level
   -- a cell does not reach (a school right under its county, a person filed at the city)
   -- rolls up into the levels above, never into a node of its own.
   WHERE NOT (g_stage = 0 AND stage IS NULL)
     AND CASE level WHEN 'school' THEN school_id IS NOT NULL WHEN 'township' THEN township IS NOT NULL
                    WHEN 'county' THEN county IS NOT NULL ELSE true END)
SELECT :comparisonId, n.level, n.node_id, COALESCE(sc.name, rg.name), n.parent_id, COALESCE(sc.scope_path, rg.scope_path),
       CASE WHEN n.g_stage = 0 THEN n.stage END, n.identity_type_id, ${COUNTS.map((c) => `n.${c}`).join(', ')}
  FROM nodes n
  LEFT JOIN schools sc ON n.level = 'school' AND sc.id = n.school_id
  LEFT JOIN regions rg ON n.level <> 'school' AND rg.id = n.node_id
 -- Only the run's region and below (a county's run has no city line).
 WHERE COALESCE(sc.scope_path, rg.scope_path) LIKE :pattern`;

/**
 * Decisions change marks after the run: a refresh of a run's summary and the run's own
 * summary step take this lock, so they never interleave (a refresh waits for a run's last
 * seconds; a run waits for a refresh in flight, then sums up everything decided).
 */
const summaryLock = (run: string) => `SELECT pg_advisory_xact_lock(hashtext('comparison_summary_rows'), ${run})`;
/** The lock as a run step (named parameter). */
export const SUMMARY_LOCK_SQL = summaryLock(':comparisonId');
/** The lock for a refresh ($1 the run). */
export const SUMMARY_LOCK_BY_ID_SQL = summaryLock('$1');

/**
 * After decisions: the `marked` counts of the given schools (by the school path and stage
 * their results were filed under at the run), recounted exactly as the run counts them, and
 * each difference added to the school's rows and to every node above it (same stage ×
 * type cell). Only `marked` moves: outcomes, and so every other count, are the run's.
 * $1 the run, $2 the schools' paths.
 */
export const REFRESH_MARKED_SQL = `
WITH per_type AS (
  SELECT r.scope_path, r.stage, r.student_id, r.identity_type_id, bool_or(r.marked) AS k
    FROM comparison_results r
   WHERE r.comparison_id = $1 AND r.scope_path = ANY($2::text[]) AND r.student_id IS NOT NULL
   GROUP BY 1, 2, 3, 4),
per_student AS (
  SELECT scope_path, stage, student_id, NULL::int AS identity_type_id, bool_or(k) AS k FROM per_type GROUP BY 1, 2, 3),
fresh AS (
  SELECT scope_path, stage, identity_type_id, count(*) FILTER (WHERE k)::int AS marked
    FROM (SELECT * FROM per_type UNION ALL SELECT * FROM per_student) f
   GROUP BY GROUPING SETS ((scope_path, stage, identity_type_id), (scope_path, identity_type_id))),
changed AS (
  SELECT sr.node_path, sr.stage, sr.identity_type_id, f.marked - sr.marked AS delta
    FROM comparison_summary_rows sr
    JOIN fresh f ON f.scope_path = sr.node_path AND f.stage IS NOT DISTINCT FROM sr.stage
                AND f.identity_type_id IS NOT DISTINCT FROM sr.identity_type_id
   WHERE sr.comparison_id = $1 AND sr.level = 'school' AND f.marked <> sr.marked),
targets AS (
  SELECT t.id, sum(c.delta)::int AS delta
    FROM comparison_summary_rows t
    JOIN changed c ON starts_with(c.node_path, t.node_path) AND t.stage IS NOT DISTINCT FROM c.stage
                  AND t.identity_type_id IS NOT DISTINCT FROM c.identity_type_id
   WHERE t.comparison_id = $1
   GROUP BY t.id)
UPDATE comparison_summary_rows t SET marked = t.marked + g.delta FROM targets g WHERE t.id = g.id`;
