import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 对账异常 kept in a table (`fund_exceptions`, no resource declares it): the line
 * exceptions (paidTwice, noApprovedEntry, notEnrolled, amountMismatch) of every paid line,
 * one row per exception key, recomputed by `fund_exceptions_refresh(student ids)` for the
 * students a write touched. Statement-level triggers (transition tables, set-based) call it
 * in the writing transaction for every write that can change an exception: payment lines
 * (batches, bank results, re-issues, refunds' lines, any edit), roster entries (amendments),
 * rosters (approval, tiers), students' status and the audit log's student status changes.
 * The computation is the one of `lineExceptionsSql` (modules/funds/fund-exceptions.sql.ts)
 * restricted to the given students; a spec compares the two over a varied data set.
 *
 * `location` is "<region id>|<scope path>" of the first line, `other_locations` those of the
 * exception's other lines when they differ (a student paid twice in two counties), so a
 * county lists the exceptions any of whose lines it holds with one LIKE.
 */
export class FundExceptionsTable1799000000000 implements MigrationInterface {
    name = 'FundExceptionsTable1799000000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "fund_exceptions" ("key" character varying(120) COLLATE "C" NOT NULL, "kind" character varying(32) NOT NULL, "program_id" integer, "year" integer, "term" character varying(32), "region_id" character varying(12), "student_id" integer NOT NULL, "line_ids" integer[] NOT NULL, "first_line_id" integer NOT NULL, "amount" bigint, "expected" bigint, "scope_path" character varying(200) COLLATE "C" NOT NULL, "location" text COLLATE "C" NOT NULL, "other_locations" text[] COLLATE "C", CONSTRAINT "PK_fund_exceptions" PRIMARY KEY ("key"))`);
        await queryRunner.query(`CREATE INDEX "ix_fund_exceptions_student" ON "fund_exceptions" ("student_id")`);
        await queryRunner.query(`CREATE INDEX "ix_fund_exceptions_order" ON "fund_exceptions" ("kind", "program_id", "year", "term", "first_line_id")`);
        await queryRunner.query(`CREATE INDEX "ix_fund_exceptions_cell" ON "fund_exceptions" ("program_id", "year", "term", "kind", "first_line_id")`);
        await queryRunner.query(`
CREATE FUNCTION fund_exceptions_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM fund_exceptions WHERE student_id = ANY(ids);
  INSERT INTO fund_exceptions AS f (key, kind, program_id, year, term, region_id, student_id, line_ids, first_line_id, amount, expected, scope_path, location, other_locations)
  WITH d AS MATERIALIZED (
    SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.roster_entry_id, d.amount, d.date, d.scope_path
      FROM disbursements d WHERE d.status = 'paid' AND d.student_id = ANY(ids)),
  tiers AS (
    SELECT r.id AS roster_id, t->>'code' AS code, (t->>'amount')::bigint AS amount
      FROM rosters r, jsonb_array_elements(r.tiers) t
     WHERE r.id IN (SELECT e.roster_id FROM roster_entries e JOIN d ON d.roster_entry_id = e.id)),
  status_changes AS (
    SELECT a.record_id::int AS student_id, a.at, a.before->>'status' AS before_status, a.after->>'status' AS after_status
      FROM audit_log a
     WHERE a.resource = 'students' AND a.action IN ('update', 'create') AND a.after ? 'status'
       AND a.record_id IN (SELECT DISTINCT student_id::text FROM d)
       AND (a.before IS NULL OR a.before->>'status' IS DISTINCT FROM a.after->>'status')),
  twice AS (
    SELECT 'paidTwice' AS kind, concat_ws(':', 'paidTwice', t.program_id, t.year, t.term, t.student_id) AS key,
           t.program_id, t.year, t.term, min(t.region_id) AS region_id, t.student_id, array_agg(t.id ORDER BY t.id) AS line_ids,
           sum(t.amount)::bigint AS amount, NULL::bigint AS expected, min(t.scope_path) AS scope_path,
           array_agg(DISTINCT concat(t.region_id, '|', t.scope_path)) AS locations
      FROM d t
     GROUP BY t.program_id, t.year, t.term, t.student_id HAVING count(*) > 1),
  entry AS (
    SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.amount, d.scope_path, e.id AS entry_id, e.amount AS entry_amount,
           (e.id IS NOT NULL AND r.status = 'approved' AND e.student_id = d.student_id AND e.program_id = d.program_id
              AND e.year = d.year AND e.term = d.term) AS approved,
           tr.amount AS standard
      FROM d LEFT JOIN roster_entries e ON e.id = d.roster_entry_id LEFT JOIN rosters r ON r.id = e.roster_id
      LEFT JOIN tiers tr ON tr.roster_id = e.roster_id AND tr.code = e.tier),
  enrolment AS (
    SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.amount, d.scope_path, s.status AS status_then
      FROM d JOIN students s ON s.id = d.student_id
     WHERE NOT EXISTS (SELECT 1 FROM status_changes c WHERE c.student_id = d.student_id)
    UNION ALL
    SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.amount, d.scope_path, COALESCE(
             (SELECT c.after_status FROM status_changes c WHERE c.student_id = d.student_id AND c.at < d.date + 1 ORDER BY c.at DESC LIMIT 1),
             (SELECT c.before_status FROM status_changes c WHERE c.student_id = d.student_id AND c.at >= d.date + 1 AND c.before_status IS NOT NULL ORDER BY c.at LIMIT 1),
             s.status)
      FROM d JOIN students s ON s.id = d.student_id
     WHERE EXISTS (SELECT 1 FROM status_changes c WHERE c.student_id = d.student_id)),
  single AS (
    SELECT 'noApprovedEntry' AS kind, concat_ws(':', 'noApprovedEntry', x.id) AS key, x.program_id, x.year, x.term, x.region_id, x.student_id,
           x.id AS line_id, x.amount, x.entry_amount AS expected, x.scope_path
      FROM entry x WHERE NOT x.approved
    UNION ALL
    SELECT 'amountMismatch', concat_ws(':', 'amountMismatch', x.id), x.program_id, x.year, x.term, x.region_id, x.student_id,
           x.id, x.amount, x.entry_amount, x.scope_path
      FROM entry x WHERE x.approved AND (x.amount <> x.entry_amount OR x.standard IS DISTINCT FROM x.entry_amount)
    UNION ALL
    SELECT 'notEnrolled', concat_ws(':', 'notEnrolled', x.id), x.program_id, x.year, x.term, x.region_id, x.student_id,
           x.id, x.amount, NULL::bigint, x.scope_path
      FROM enrolment x WHERE x.status_then IS DISTINCT FROM 'enrolled')
  SELECT t.key, t.kind, t.program_id, t.year, t.term, t.region_id, t.student_id, t.line_ids, t.line_ids[1], t.amount, t.expected, t.scope_path,
         l.location, NULLIF(array_remove(t.locations, l.location), '{}')
    FROM twice t CROSS JOIN LATERAL (SELECT concat(f.region_id, '|', f.scope_path) AS location FROM d f WHERE f.id = t.line_ids[1]) l
  UNION ALL
  SELECT s.key, s.kind, s.program_id, s.year, s.term, s.region_id, s.student_id, ARRAY[s.line_id], s.line_id, s.amount, s.expected, s.scope_path,
         concat(s.region_id, '|', s.scope_path), NULL
    FROM single s
  ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, program_id = EXCLUDED.program_id, year = EXCLUDED.year, term = EXCLUDED.term,
         region_id = EXCLUDED.region_id, student_id = EXCLUDED.student_id, line_ids = EXCLUDED.line_ids, first_line_id = EXCLUDED.first_line_id,
         amount = EXCLUDED.amount, expected = EXCLUDED.expected, scope_path = EXCLUDED.scope_path, location = EXCLUDED.location,
         other_locations = EXCLUDED.other_locations;
END
$fn$`);
        // One trigger per table and event: transition tables allow a single event each.
        const trigger = async (table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', students: string) => {
            const name = `fund_exceptions_on_${table}_${event.toLowerCase()}`;
            const referencing = event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
            await queryRunner.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM fund_exceptions_refresh(ARRAY(${students}));
  RETURN NULL;
END
$fn$`);
            await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${event} ON "${table}" REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
        };
        // Payment lines: only paid lines (before or after the write) are in an exception.
        await trigger('disbursements', 'INSERT', `SELECT DISTINCT student_id FROM new_rows WHERE status = 'paid' AND student_id IS NOT NULL`);
        await trigger('disbursements', 'UPDATE', `SELECT student_id FROM old_rows WHERE status = 'paid' AND student_id IS NOT NULL UNION SELECT student_id FROM new_rows WHERE status = 'paid' AND student_id IS NOT NULL`);
        await trigger('disbursements', 'DELETE', `SELECT DISTINCT student_id FROM old_rows WHERE status = 'paid' AND student_id IS NOT NULL`);
        // Roster entries (an amendment's removal or change): the students of the paid lines that point at them.
        const linesOfEntries = `SELECT DISTINCT d.student_id FROM disbursements d WHERE d.status IN ('pending', 'paid') AND d.roster_entry_id IN (SELECT id FROM old_rows) AND d.status = 'paid' AND d.student_id IS NOT NULL`;
        await trigger('roster_entries', 'UPDATE', linesOfEntries);
        await trigger('roster_entries', 'DELETE', linesOfEntries);
        // Rosters: approval (status) and the tiers' standards.
        const linesOfRosters = (changed: string) => `SELECT DISTINCT d.student_id FROM roster_entries e JOIN disbursements d ON d.roster_entry_id = e.id AND d.status IN ('pending', 'paid')
              WHERE d.status = 'paid' AND d.student_id IS NOT NULL AND e.roster_id IN (${changed})`;
        await trigger('rosters', 'UPDATE', linesOfRosters(`SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status IS DISTINCT FROM o.status OR n.tiers IS DISTINCT FROM o.tiers`));
        await trigger('rosters', 'DELETE', linesOfRosters('SELECT id FROM old_rows'));
        // Students: the current status (and a student gone).
        await trigger('students', 'UPDATE', `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status IS DISTINCT FROM o.status`);
        await trigger('students', 'DELETE', `SELECT id FROM old_rows`);
        // The audit log's status changes of students (the status on a payment date).
        await trigger('audit_log', 'INSERT', `SELECT DISTINCT record_id::int FROM new_rows WHERE resource = 'students' AND record_id ~ '^[0-9]{1,9}$' AND after ? 'status'`);
        await queryRunner.query(`CREATE FUNCTION fund_exceptions_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE fund_exceptions;
  RETURN NULL;
END
$fn$`);
        await queryRunner.query(`CREATE TRIGGER fund_exceptions_on_disbursements_truncate AFTER TRUNCATE ON "disbursements" FOR EACH STATEMENT EXECUTE FUNCTION fund_exceptions_on_truncate()`);
        await queryRunner.query(`SELECT fund_exceptions_refresh(ARRAY(SELECT DISTINCT student_id FROM disbursements WHERE status = 'paid' AND student_id IS NOT NULL))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER fund_exceptions_on_disbursements_truncate ON "disbursements"`);
        await queryRunner.query(`DROP FUNCTION fund_exceptions_on_truncate()`);
        const triggers: [string, string][] = [
            ['disbursements', 'insert'], ['disbursements', 'update'], ['disbursements', 'delete'], ['roster_entries', 'update'], ['roster_entries', 'delete'],
            ['rosters', 'update'], ['rosters', 'delete'], ['students', 'update'], ['students', 'delete'], ['audit_log', 'insert'],
        ];
        for (const [table, event] of triggers) {
            await queryRunner.query(`DROP TRIGGER fund_exceptions_on_${table}_${event} ON "${table}"`);
            await queryRunner.query(`DROP FUNCTION fund_exceptions_on_${table}_${event}()`);
        }
        await queryRunner.query(`DROP FUNCTION fund_exceptions_refresh(integer[])`);
        await queryRunner.query(`DROP TABLE "fund_exceptions"`);
    }
}
