import { CLUE_DONE_STATUSES, clueResource } from '@zizhu/checks';
import { overdueSql } from '../../../engine/rest/overdue-sql';

/**
 * The statistics' queries. Every figure is computed from the region a row describes (its
 * path) and the plan, never from the reader: scope decides only which region and plans may
 * be asked for (the service checks that), so a county's own total is the city's row for it.
 */

/**
 * The plans that concern a region ($1 its path): organised at or above it (a city plan
 * covers a county's schools) or inside it. Drafts only when named ($2 a plan id, or NULL for
 * all). Sections come from the plan's checklist version, in order.
 */
export const PLANS_SQL = `
  SELECT p.id AS "planId", p.name AS "planName", p.mode, p.status,
         to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
         COALESCE((SELECT jsonb_agg(jsonb_build_object('key', s.value->>'key', 'title', COALESCE(s.value->>'title', s.value->>'key')) ORDER BY s.n)
                     FROM jsonb_array_elements(CASE WHEN jsonb_typeof(v.definition->'sections') = 'array' THEN v.definition->'sections' ELSE '[]'::jsonb END)
                          WITH ORDINALITY AS s(value, n)), '[]'::jsonb) AS sections
    FROM inspection_plans p
    JOIN checklist_versions v ON v.id = p.version_id
   WHERE (starts_with(p.scope_path, $1) OR starts_with($1, p.scope_path))
     AND ($2::int IS NULL OR p.id = $2)
     AND ($2::int IS NOT NULL OR p.status IS DISTINCT FROM 'draft')
   ORDER BY p.start_date DESC, p.id DESC`;

/**
 * The plans' inspections in the region ($1 plan ids, $2 the region's path as a LIKE prefix),
 * each with the child region of $3 (the region's id) its school lies in — the path's segment
 * after the region's ($4 its 1-based position) — or NULL for a school attached to the region
 * itself.
 */
const INSPECTIONS_CTE = `
  ins AS (
    SELECT i.id, i.plan_id, i.status, i.score, i.result, child.id AS child
      FROM inspections i
      LEFT JOIN regions child ON child.id = split_part(i.scope_path, '.', $4) AND child.parent_id = $3
     WHERE i.plan_id = ANY($1::int[]) AND i.scope_path LIKE $2
  )`;

/** The group a row belongs to: one per plan × child region, and the plan's total over the region. */
const GROUPS = `GROUPING SETS ((ins.plan_id, ins.child), (ins.plan_id))`;

const done = `ins.status = 'submitted'`;
const closed = `c.status = ANY(ARRAY[${CLUE_DONE_STATUSES.map((s) => `'${s}'`).join(', ')}]::text[])`;

/** Counts, the average total and the findings (clues the inspections raised) per group. */
export const FIGURES_SQL = `
  WITH ${INSPECTIONS_CTE},
  found AS (
    SELECT c.inspection_id,
           count(*) AS total,
           count(*) FILTER (WHERE c.severity = 'high') AS high,
           count(*) FILTER (WHERE c.severity = 'medium') AS medium,
           count(*) FILTER (WHERE c.severity = 'low') AS low,
           count(*) FILTER (WHERE ${closed}) AS closed,
           count(*) FILTER (WHERE ${overdueSql(clueResource, 'c')}) AS overdue
      FROM clues c
     WHERE c.inspection_id IN (SELECT id FROM ins)
     GROUP BY c.inspection_id
  )
  SELECT ins.plan_id AS "planId", ins.child, GROUPING(ins.child) = 1 AS "isTotal",
         count(*)::int AS planned,
         count(*) FILTER (WHERE ${done})::int AS done,
         round(avg(ins.score) FILTER (WHERE ${done})::numeric, 1)::float8 AS "averageScore",
         COALESCE(sum(found.total), 0)::int AS findings,
         COALESCE(sum(found.high), 0)::int AS high,
         COALESCE(sum(found.medium), 0)::int AS medium,
         COALESCE(sum(found.low), 0)::int AS low,
         COALESCE(sum(found.closed), 0)::int AS closed,
         COALESCE(sum(found.overdue), 0)::int AS overdue
    FROM ins LEFT JOIN found ON found.inspection_id = ins.id
   GROUP BY ${GROUPS}`;

/** The average score of each section over the submitted inspections that scored it, per group. */
export const SECTIONS_SQL = `
  WITH ${INSPECTIONS_CTE}
  SELECT ins.plan_id AS "planId", ins.child, GROUPING(ins.child) = 1 AS "isTotal",
         s.value->>'key' AS section, round(avg((s.value->>'score')::numeric), 1)::float8 AS average
    FROM ins
   CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(ins.result->'sections') = 'array' THEN ins.result->'sections' ELSE '[]'::jsonb END) AS s(value)
   WHERE ${done} AND jsonb_typeof(s.value->'score') = 'number'
   GROUP BY GROUPING SETS ((ins.plan_id, ins.child, s.value->>'key'), (ins.plan_id, s.value->>'key'))`;
