import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * 对账异常 kept in a table (`fund_exceptions`, no resource declares it): the line
 * exceptions (paidTwice, noApprovedEntry, notEnrolled, amountMismatch) of every paid line,
 * one row per exception key, recomputed by `fund_exceptions_refresh` for the groups a write
 * touched — a student's lines for one program and term (a paidTwice spans no more), or all
 * of a student's when the status changed — writing only the rows that changed. Statement-level triggers (transition tables, set-based) call it
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
CREATE FUNCTION fund_exceptions_refresh(students integer[], programs integer[], years integer[], terms text[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF students IS NULL OR cardinality(students) = 0 THEN RETURN; END IF;
  -- Session scratch tables (emptied at commit), made once per connection.
  IF to_regclass('pg_temp.fund_exception_groups') IS NULL THEN
    CREATE TEMP TABLE fund_exception_groups (student_id integer, program_id integer, year integer, term text) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE fund_exception_fresh (LIKE fund_exceptions) ON COMMIT DELETE ROWS;
  END IF;
  TRUNCATE fund_exception_groups;
  INSERT INTO fund_exception_groups SELECT DISTINCT * FROM unnest(students, programs, years, terms);
  ANALYZE fund_exception_groups;
  -- Writers of the same groups take turns (64 buckets of students, in order, held to commit):
  -- each then computes over the lines the other committed, so two payments of one student
  -- settled at once still make their paidTwice.
  PERFORM pg_advisory_xact_lock(hashtext('fund_exceptions'), b.bucket)
     FROM (SELECT DISTINCT g.student_id % 64 AS bucket FROM fund_exception_groups g ORDER BY 1) b;
  TRUNCATE fund_exception_fresh;
  INSERT INTO fund_exception_fresh (key, kind, program_id, year, term, region_id, student_id, line_ids, first_line_id, amount, expected, scope_path, location, other_locations)
  WITH d AS MATERIALIZED (
    -- The paid lines of the groups written: a whole student (program null: a status change) or one student, program and term.
    SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.roster_entry_id, d.amount, d.date, d.scope_path
      FROM disbursements d
     WHERE d.status = 'paid' AND d.student_id IN (SELECT g.student_id FROM fund_exception_groups g WHERE g.program_id IS NULL)
    UNION
    SELECT d.id, d.program_id, d.year, d.term, d.region_id, d.student_id, d.roster_entry_id, d.amount, d.date, d.scope_path
      FROM fund_exception_groups g JOIN disbursements d ON d.student_id = g.student_id AND d.program_id = g.program_id AND d.year = g.year AND d.term = g.term
     WHERE d.status = 'paid'),
  tiers AS (
    SELECT r.id AS roster_id, t->>'code' AS code, (t->>'amount')::bigint AS amount
      FROM rosters r, jsonb_array_elements(r.tiers) t
     WHERE r.id IN (SELECT e.roster_id FROM roster_entries e JOIN d ON d.roster_entry_id = e.id)),
  -- A student's status changes, from audit rows and from the imports that wrote the student
  -- (import_records; an import's own audit entry may not be written yet while its rows are:
  -- it is then this transaction's), as engine/audit/field-changes.sql.ts reads them.
  status_changes AS (
    SELECT c.student_id, c.at, c.before_status, c.after_status FROM (
      SELECT e.record_id::int AS student_id, e.at, e.before_status,
             COALESCE(e.after_status, LEAD(e.before_status) OVER (PARTITION BY e.record_id ORDER BY e.at, e.seq), s.status::text) AS after_status
        FROM (
          SELECT a.record_id, a.at, a.id::bigint AS seq, a.before->>'status' AS before_status, a.after->>'status' AS after_status
            FROM audit_log a
           WHERE a.resource = 'students' AND a.action IN ('update', 'create') AND a.after ? 'status'
             AND a.record_id IN (SELECT DISTINCT student_id::text FROM d)
          UNION ALL
          SELECT l.record_id, COALESCE(i.at, now()), COALESCE(i.id::bigint, 9223372036854775807), l.before->>'status', NULL
            FROM import_records l
            LEFT JOIN audit_log i ON i.resource = 'imports' AND i.record_id = l.import_id::text AND i.action = 'import'
           WHERE l.resource = 'students' AND l.record_id IN (SELECT DISTINCT student_id::text FROM d)
             AND (l.outcome = 'inserted' OR l.before ? 'status')
        ) e
        JOIN students s ON s.id::text = e.record_id) c
     WHERE c.before_status IS DISTINCT FROM c.after_status),
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
    FROM single s;
  -- Only what changed is written: exceptions of the groups that are gone, then new or changed ones.
  DELETE FROM fund_exceptions f
   WHERE (f.student_id IN (SELECT g.student_id FROM fund_exception_groups g WHERE g.program_id IS NULL)
          OR (f.student_id, f.program_id, f.year, f.term) IN (SELECT g.student_id, g.program_id, g.year, g.term FROM fund_exception_groups g WHERE g.program_id IS NOT NULL))
     AND NOT EXISTS (SELECT 1 FROM fund_exception_fresh x WHERE x.key = f.key);
  INSERT INTO fund_exceptions AS f SELECT x.* FROM fund_exception_fresh x
   WHERE NOT EXISTS (SELECT 1 FROM fund_exceptions o WHERE o.key = x.key AND (o.*) IS NOT DISTINCT FROM (x.*))
  ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, program_id = EXCLUDED.program_id, year = EXCLUDED.year, term = EXCLUDED.term,
         region_id = EXCLUDED.region_id, student_id = EXCLUDED.student_id, line_ids = EXCLUDED.line_ids, first_line_id = EXCLUDED.first_line_id,
         amount = EXCLUDED.amount, expected = EXCLUDED.expected, scope_path = EXCLUDED.scope_path, location = EXCLUDED.location,
         other_locations = EXCLUDED.other_locations;
END
$fn$`);
        // One trigger per table and event (transition tables allow a single event each); `groups`
        // selects the (student, program, year, term) groups the statement touched, program null
        // for all of a student's.
        const trigger = async (table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', groups: string) => {
            const name = `fund_exceptions_on_${table}_${event.toLowerCase()}`;
            const referencing = event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
            await queryRunner.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE s integer[]; p integer[]; y integer[]; t text[];
BEGIN
  SELECT array_agg(g.student_id), array_agg(g.program_id), array_agg(g.year), array_agg(g.term) INTO s, p, y, t
    FROM (${groups}) g(student_id, program_id, year, term) WHERE g.student_id IS NOT NULL;
  PERFORM fund_exceptions_refresh(s, p, y, t);
  RETURN NULL;
END
$fn$`);
            await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${event} ON "${table}" REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
        };
        // Payment lines: only paid lines (before or after the write) are in an exception.
        const groupsOf = (rows: string) => `SELECT student_id, program_id, year, term FROM ${rows} WHERE status = 'paid'`;
        await trigger('disbursements', 'INSERT', `SELECT DISTINCT * FROM (${groupsOf('new_rows')}) x`);
        await trigger('disbursements', 'UPDATE', `${groupsOf('old_rows')} UNION ${groupsOf('new_rows')}`);
        await trigger('disbursements', 'DELETE', `SELECT DISTINCT * FROM (${groupsOf('old_rows')}) x`);
        // Roster entries (an amendment's removal or change): the groups of the paid lines that point at them.
        const linesOfEntries = `SELECT DISTINCT d.student_id, d.program_id, d.year, d.term FROM disbursements d
              WHERE d.status IN ('pending', 'paid') AND d.roster_entry_id IN (SELECT id FROM old_rows) AND d.status = 'paid'`;
        await trigger('roster_entries', 'UPDATE', linesOfEntries);
        await trigger('roster_entries', 'DELETE', linesOfEntries);
        // Rosters: approval (status) and the tiers' standards.
        const linesOfRosters = (changed: string) => `SELECT DISTINCT d.student_id, d.program_id, d.year, d.term
              FROM roster_entries e JOIN disbursements d ON d.roster_entry_id = e.id AND d.status IN ('pending', 'paid')
              WHERE d.status = 'paid' AND e.roster_id IN (${changed})`;
        await trigger('rosters', 'UPDATE', linesOfRosters(`SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status IS DISTINCT FROM o.status OR n.tiers IS DISTINCT FROM o.tiers`));
        await trigger('rosters', 'DELETE', linesOfRosters('SELECT id FROM old_rows'));
        // Students (the current status, a student gone) and the audit log's status changes of
        // students (the status on a payment date): all of that student's groups. These tables
        // take bulk imports, so no transition tables (they would hold every imported row):
        // a row trigger, fired only when the WHEN holds, notes the student in a scratch table
        // and the statement's trigger refreshes them all at once.
        await queryRunner.query(`CREATE FUNCTION fund_exceptions_note_student() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF to_regclass('pg_temp.fund_exception_students') IS NULL THEN
    CREATE TEMP TABLE fund_exception_students (student_id integer) ON COMMIT DELETE ROWS;
  END IF;
  IF TG_TABLE_NAME = 'audit_log' THEN
    INSERT INTO fund_exception_students VALUES (NEW.record_id::integer);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO fund_exception_students VALUES (OLD.id);
  ELSE
    INSERT INTO fund_exception_students VALUES (NEW.id);
  END IF;
  RETURN NULL;
END
$fn$`);
        await queryRunner.query(`CREATE FUNCTION fund_exceptions_refresh_noted_students() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE s integer[];
BEGIN
  IF to_regclass('pg_temp.fund_exception_students') IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg(DISTINCT student_id) INTO s FROM fund_exception_students;
  IF s IS NULL THEN RETURN NULL; END IF;
  DELETE FROM fund_exception_students;
  PERFORM fund_exceptions_refresh(s, array_fill(NULL::integer, ARRAY[cardinality(s)]), array_fill(NULL::integer, ARRAY[cardinality(s)]), array_fill(NULL::text, ARRAY[cardinality(s)]));
  RETURN NULL;
END
$fn$`);
        const noted: [string, string, string][] = [
            ['students', 'UPDATE', 'OLD.status IS DISTINCT FROM NEW.status'],
            ['students', 'DELETE', 'true'],
            ['audit_log', 'INSERT', `NEW.resource = 'students' AND NEW.after ? 'status' AND NEW.record_id ~ '^[0-9]{1,9}$'`],
        ];
        for (const [table, event, when] of noted) {
            const name = `fund_exceptions_on_${table}_${event.toLowerCase()}`;
            await queryRunner.query(`CREATE TRIGGER ${name}_row AFTER ${event} ON "${table}" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION fund_exceptions_note_student()`);
            await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${event} ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION fund_exceptions_refresh_noted_students()`);
        }
        await queryRunner.query(`CREATE FUNCTION fund_exceptions_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE fund_exceptions;
  RETURN NULL;
END
$fn$`);
        await queryRunner.query(`CREATE TRIGGER fund_exceptions_on_disbursements_truncate AFTER TRUNCATE ON "disbursements" FOR EACH STATEMENT EXECUTE FUNCTION fund_exceptions_on_truncate()`);
        await queryRunner.query(`SELECT fund_exceptions_refresh(array_agg(id), array_agg(NULL::integer), array_agg(NULL::integer), array_agg(NULL::text))
                                   FROM (SELECT DISTINCT student_id AS id FROM disbursements WHERE status = 'paid' AND student_id IS NOT NULL) s`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER fund_exceptions_on_disbursements_truncate ON "disbursements"`);
        await queryRunner.query(`DROP FUNCTION fund_exceptions_on_truncate()`);
        const triggers: [string, string][] = [
            ['disbursements', 'insert'], ['disbursements', 'update'], ['disbursements', 'delete'], ['roster_entries', 'update'], ['roster_entries', 'delete'],
            ['rosters', 'update'], ['rosters', 'delete'],
        ];
        for (const [table, event] of triggers) {
            await queryRunner.query(`DROP TRIGGER fund_exceptions_on_${table}_${event} ON "${table}"`);
            await queryRunner.query(`DROP FUNCTION fund_exceptions_on_${table}_${event}()`);
        }
        for (const [table, event] of [['students', 'update'], ['students', 'delete'], ['audit_log', 'insert']]) {
            await queryRunner.query(`DROP TRIGGER fund_exceptions_on_${table}_${event}_row ON "${table}"`);
            await queryRunner.query(`DROP TRIGGER fund_exceptions_on_${table}_${event} ON "${table}"`);
        }
        await queryRunner.query(`DROP FUNCTION fund_exceptions_refresh_noted_students()`);
        await queryRunner.query(`DROP FUNCTION fund_exceptions_note_student()`);
        await queryRunner.query(`DROP FUNCTION fund_exceptions_refresh(integer[], integer[], integer[], text[])`);
        await queryRunner.query(`DROP TABLE "fund_exceptions"`);
    }
}
