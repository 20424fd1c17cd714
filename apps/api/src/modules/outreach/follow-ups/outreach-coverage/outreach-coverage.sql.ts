import { termRecipientsSql } from '../term-recipients.sql';

/**
 * The coverage's queries. Every figure is computed per recipient from the term, the place
 * ($3, its path as a LIKE pattern) and the due date, never from the reader: scope decides only
 * which place may be asked for (the service checks it), so a county's rows are the city's rows
 * for that county.
 *
 * Parameters: $1 year, $2 term, $3 the place's path pattern, $4 the due date (NULL: no limit),
 * $5 the place's region id (NULL for a school), $6 the 1-based position of a child's segment
 * in a school's path.
 */

/** The end of the due date in China, as a timestamp. */
const DUE_END = `(($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const byDue = (condition: string) => `($4::date IS NULL OR ${condition})`;

/** Reached by a recorded follow-up of this kind, contacted by the due date. */
const reached = (kind: string) => `c.kind = '${kind}' AND f.status = 'done' AND f.reached AND ${byDue(`f.contacted_at < ${DUE_END}`)}`;

/** One row per recipient: where they are counted, and what reached them. */
const FACTS_CTE = `
  recipients AS (${termRecipientsSql('$1::int', '$2::text', '$3::text')}),
  contacts AS (
    SELECT f.student_id,
           bool_or(c.kind = 'phone') AS phone_drawn, bool_or(${reached('phone')}) AS phoned,
           bool_or(c.kind = 'visit') AS visit_drawn, bool_or(${reached('visit')}) AS visited
      FROM follow_ups f JOIN follow_up_campaigns c ON c.id = f.campaign_id
     WHERE c.year = $1 AND c.term = $2 AND f.student_id IN (SELECT student_id FROM recipients)
     GROUP BY f.student_id),
  facts AS (
    SELECT r.student_id, r.school_id, sc.name AS school_name, sc.region_id AS school_region, child.id AS child,
           COALESCE(l.id IS NOT NULL AND ${byDue(`l.created_at < ${DUE_END}`)}, false) AS generated,
           COALESCE(l.status IN ('delivered', 'receiptReturned') AND ${byDue('COALESCE(l.delivered_at, l.receipt_returned_at) <= $4::date')}, false) AS delivered,
           COALESCE(l.status = 'receiptReturned' AND ${byDue('l.receipt_returned_at <= $4::date')}, false) AS receipt,
           COALESCE(k.phone_drawn, false) AS phone_drawn, COALESCE(k.phoned, false) AS phoned,
           COALESCE(k.visit_drawn, false) AS visit_drawn, COALESCE(k.visited, false) AS visited
      FROM recipients r
      JOIN schools sc ON sc.id = r.school_id
      LEFT JOIN regions child ON child.id = split_part(r.school_path, '.', $6::int) AND child.parent_id = $5::text
      LEFT JOIN letters l ON l.student_id = r.student_id AND l.year = $1 AND l.term = $2
      LEFT JOIN contacts k ON k.student_id = r.student_id)`;

/**
 * The counts of the place in total, per child region (NULL child: the place's direct schools)
 * and per school, in one pass (grouping sets).
 */
export const COVERAGE_SQL = `
  WITH ${FACTS_CTE}
  SELECT GROUPING(facts.child) = 0 AS "byChild", GROUPING(facts.school_id) = 0 AS "bySchool",
         facts.child, facts.school_id AS "schoolId", facts.school_name AS "schoolName", facts.school_region AS "schoolRegion",
         count(*)::int AS recipients,
         count(*) FILTER (WHERE facts.generated)::int AS "lettersGenerated",
         count(*) FILTER (WHERE facts.delivered)::int AS "lettersDelivered",
         count(*) FILTER (WHERE facts.receipt)::int AS "receiptsReturned",
         count(*) FILTER (WHERE facts.phone_drawn)::int AS "phoneDrawn",
         count(*) FILTER (WHERE facts.phoned)::int AS phoned,
         count(*) FILTER (WHERE facts.visit_drawn)::int AS "visitDrawn",
         count(*) FILTER (WHERE facts.visited)::int AS visited
    FROM facts
   GROUP BY GROUPING SETS ((), (facts.child), (facts.school_id, facts.school_name, facts.school_region))`;

/** The term's campaigns that concern the place ($3 its path): organised at, above or below it; drafts left out. */
export const CAMPAIGNS_SQL = `
  SELECT id, name, kind, region_id AS "regionId", to_char(due_date, 'YYYY-MM-DD') AS "dueDate", status
    FROM follow_up_campaigns
   WHERE year = $1 AND term = $2 AND status <> 'draft' AND (starts_with(scope_path, $3) OR starts_with($3, scope_path))
   ORDER BY due_date, id`;
