import { Client } from 'pg';
import { createTestDatabase, testServerUrl } from '../../testing/test-server';
import { currentExceptionsSql } from './fund-exceptions-table.sql';
import { lineExceptionsSql } from './fund-exceptions.sql';
import type { ReconciliationFilter } from '@zizhu/schema';

/** A small seeded generator, so a failing sequence of writes can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLUMNS = 'kind, key, program_id, year, term, region_id, student_id, line_ids, amount::text, expected::text, scope_path';
const STATUSES = ['enrolled', 'enrolled', 'suspended', 'graduated', 'dropped'];
const LINE_STATUSES = ['paid', 'paid', 'paid', 'failed', 'returned', 'pending'];

/** The list as the service computed it before the table: the reference query, wrapped, filtered, sorted and cut. */
function referenceListSql(scopePath: string, filter: ReconciliationFilter, options: { kind?: string; explained?: boolean; limit: number }) {
  const { sql, params } = lineExceptionsSql(scopePath, filter);
  const where: string[] = [];
  if (options.kind) {
    params.push(options.kind);
    where.push(`x.kind = $${params.length}`);
  }
  if (options.explained !== undefined) where.push(options.explained ? 'n.id IS NOT NULL' : 'n.id IS NULL');
  params.push(options.limit);
  return {
    sql: `WITH ex AS MATERIALIZED (
            SELECT x.*, n.note, c.id AS clue_id
              FROM (${sql}) x(kind, key, program_id, year, term, region_id, student_id, line_ids, amount, expected, scope_path)
              LEFT JOIN fund_exception_notes n ON n.exception_key = x.key LEFT JOIN clues c ON c.exception_key = x.key
             ${where.length ? `WHERE ${where.join(' AND ')}` : ''})
          SELECT ex.*, s.name AS student_name, (SELECT count(*) FROM ex) AS total
            FROM ex LEFT JOIN students s ON s.id = ex.student_id
           ORDER BY ex.kind, ex.program_id, ex.year, ex.term, ex.line_ids[1] LIMIT $${params.length}`,
    params,
  };
}

const listed = (rows: Record<string, unknown>[]) =>
  rows.map((r) => ({
    key: r.key, kind: r.kind, programId: r.program_id, year: r.year, term: r.term, regionId: r.region_id, studentId: r.student_id,
    studentName: r.student_name, lineIds: r.line_ids, amount: String(r.amount), expected: r.expected == null ? null : String(r.expected),
    scopePath: r.scope_path, note: r.note ?? null, total: String(r.total),
  }));

/**
 * The table of current exceptions equals the computed list after every kind of write that
 * changes one — payment lines (new, paid, failed, returned, moved, re-dated, deleted), roster
 * entries (amended, removed), rosters (approval withdrawn, tiers), students' status and the
 * audit log's status history — over random sequences of writes on a varied planted data
 * set, and the list read from it answers exactly as the computed one, for the city, each
 * county, every filter and page size.
 */
describe('fund_exceptions is kept current by the writes', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: Client;
  let counties: { id: string; path: string }[];
  /** Every kind must have been met, or the comparison proved little. */
  const seen = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase(testServerUrl());
    db = new Client({ connectionString: database.url });
    await db.connect();
    counties = (await db.query(`SELECT DISTINCT r.id, r.scope_path AS path FROM regions r WHERE r.level = 'county' AND EXISTS (SELECT 1 FROM schools s WHERE s.scope_path LIKE r.scope_path || '%') ORDER BY r.id LIMIT 3`)).rows;
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  /** Two programs, their approved rosters with tier standards, entries and payment lines over schools of three counties. */
  async function plant(seed: number): Promise<void> {
    const rnd = random(seed);
    const schools = (await db.query(
      `SELECT DISTINCT ON (c.id) s.id, s.scope_path, c.id AS region FROM schools s JOIN regions c ON c.level = 'county' AND s.scope_path LIKE c.scope_path || '%'
        WHERE c.id = ANY($1) ORDER BY c.id, s.id`, [counties.map((c) => c.id)])).rows;
    const programs = (await db.query(
      `INSERT INTO programs (name, code, category, region_id, stages, term_kind, first_year, active, tiers, funding_shares, eligibility_rule, auto_enrol,
                             application_fields, approval_steps, deadlines, scope_path, version)
       SELECT '异常表' || $1 || '-' || k, 'FX-' || $1 || '-' || k, 'grant', '450900', '{senior}', 'semester', 2015, true,
              '[{"code":"T1","label":"一档","amount":125000},{"code":"T2","label":"二档","amount":100000}]'::jsonb,
              '[{"source":"central","percent":100}]'::jsonb, '{"combinator":"and","rules":[]}'::jsonb, false, '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, '450900.', 1
         FROM generate_series(1, 2) k RETURNING id`, [seed])).rows.map((r) => r.id as number);
    for (const school of schools) {
      const students = (await db.query('SELECT id FROM students WHERE school_id = $1 ORDER BY id LIMIT 8', [school.id])).rows.map((r) => r.id as number);
      for (const programId of programs) {
        const [roster] = (await db.query(
          `INSERT INTO rosters (title, program_id, year, term, school_id, status, tiers, scope_path, version)
           VALUES ('r', $1, 2017, 'autumn', $2, $3, '[{"code":"T1","amount":125000},{"code":"T2","amount":100000}]'::jsonb, $4, 1) RETURNING id`,
          [programId, school.id, rnd() < 0.85 ? 'approved' : 'returned', school.scope_path])).rows;
        const batch = (await db.query(
          `INSERT INTO disbursement_batches (title, program_id, year, term, region_id, method, date, line_count, total_amount, paid_amount, skipped_no_account, scope_path, version)
           VALUES ('b', $1, 2017, 'autumn', '450900', 'aidCard', '2017-11-01', 0, 0, 0, 0, '450900.', 1) RETURNING id`, [programId])).rows[0].id;
        for (const studentId of students) {
          const tier = rnd() < 0.5 ? 'T1' : 'T2';
          const standard = tier === 'T1' ? 125000 : 100000;
          const [entry] = (await db.query(
            `INSERT INTO roster_entries (roster_id, student_id, tier, amount, program_id, year, term, scope_path, version)
             VALUES ($1, $2, $3, $4, $5, 2017, 'autumn', $6, 1) RETURNING id`,
            [roster.id, studentId, tier, rnd() < 0.9 ? standard : standard + 1000, programId, school.scope_path])).rows;
          await db.query(
            `INSERT INTO disbursements (serial_no, batch_id, student_id, roster_entry_id, program_id, year, term, school_id, region_id, amount, date, method, account, status, scope_path, version)
             VALUES ('FX' || nextval('disbursements_id_seq'), $1, $2, $3, $4, 2017, 'autumn', $5, $6, $7, $8, 'aidCard', '6217000000', $9, $10, 1)`,
            [batch, studentId, entry.id, programId, school.id, school.region, rnd() < 0.9 ? standard : standard - 500,
             `2017-11-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`, LINE_STATUSES[Math.floor(rnd() * LINE_STATUSES.length)], school.scope_path]);
        }
      }
    }
  }

  /** One random write of a kind that can change an exception; returns what it did, for the failure message. */
  async function write(rnd: () => number): Promise<string> {
    const pick = async (sql: string) => (await db.query(`${sql} ORDER BY random() LIMIT 1`)).rows[0];
    await db.query('SELECT setseed($1)', [rnd() * 2 - 1]);
    const line = await pick(`SELECT d.* FROM disbursements d WHERE d.serial_no LIKE 'FX%'`);
    switch (Math.floor(rnd() * 12)) {
      case 0: {
        const status = LINE_STATUSES[Math.floor(rnd() * LINE_STATUSES.length)];
        await db.query(`UPDATE disbursements SET status = $1 WHERE id IN (SELECT id FROM disbursements WHERE serial_no LIKE 'FX%' ORDER BY random() LIMIT 5)`, [status]);
        return `five lines → ${status}`;
      }
      case 1:
        await db.query('UPDATE disbursements SET amount = amount + 700 WHERE id = $1', [line.id]);
        return `line ${line.id} amount`;
      case 2: {
        // A second paid line for the same student, program and term, at another county's school (paidTwice).
        const other = await pick(`SELECT s.id, s.scope_path, split_part(s.scope_path, '.', 2) AS region FROM schools s JOIN disbursements d ON d.school_id = s.id WHERE s.id <> ${Number(line.school_id)}`);
        const school = other ?? { id: line.school_id, scope_path: line.scope_path, region: line.region_id };
        const region = (await db.query('SELECT region_id FROM disbursements WHERE school_id = $1 LIMIT 1', [school.id])).rows[0]?.region_id ?? line.region_id;
        await db.query(
          `INSERT INTO disbursements (serial_no, batch_id, student_id, roster_entry_id, program_id, year, term, school_id, region_id, amount, date, method, account, status, scope_path, version)
           VALUES ('FX' || nextval('disbursements_id_seq'), $1, $2, NULL, $3, $4, $5, $6, $7, 100000, '2017-12-01', 'aidCard', '6217000000', 'paid', $8, 1)`,
          [line.batch_id, line.student_id, line.program_id, line.year, line.term, school.id, region, school.scope_path]);
        return `student ${line.student_id} paid again`;
      }
      case 3:
        await db.query('DELETE FROM disbursements WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM disbursements r WHERE r.reissue_of_id = $1)', [line.id]);
        return `line ${line.id} deleted`;
      case 4:
        await db.query('DELETE FROM roster_entries WHERE id = $1', [line.roster_entry_id]);
        return `entry ${line.roster_entry_id} removed`;
      case 5:
        await db.query(`UPDATE roster_entries SET amount = amount + 1000, tier = CASE tier WHEN 'T1' THEN 'T2' ELSE 'T1' END WHERE id = $1`, [line.roster_entry_id]);
        return `entry ${line.roster_entry_id} changed`;
      case 6:
        await db.query(`UPDATE rosters SET status = CASE status WHEN 'approved' THEN 'returned' ELSE 'approved' END WHERE id = (SELECT roster_id FROM roster_entries WHERE id = $1)`, [line.roster_entry_id]);
        return `roster of entry ${line.roster_entry_id} approval`;
      case 7:
        await db.query(`UPDATE rosters SET tiers = jsonb_set(tiers, '{0,amount}', to_jsonb((tiers->0->>'amount')::bigint + 500)) WHERE id = (SELECT roster_id FROM roster_entries WHERE id = $1)`, [line.roster_entry_id]);
        return `roster of entry ${line.roster_entry_id} tiers`;
      case 8: {
        const status = STATUSES[Math.floor(rnd() * STATUSES.length)];
        await db.query('UPDATE students SET status = $1 WHERE id = $2', [status, line.student_id]);
        return `student ${line.student_id} now ${status}`;
      }
      case 9: {
        const [before, after] = [STATUSES[Math.floor(rnd() * STATUSES.length)], STATUSES[Math.floor(rnd() * STATUSES.length)]];
        await db.query(
          `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
           VALUES ($1, 1, 'update', 'students', $2, jsonb_build_object('status', $3::text), jsonb_build_object('status', $4::text), $5)`,
          [`2017-${rnd() < 0.5 ? '10' : '12'}-15T08:00:00Z`, String(line.student_id), before, after, line.scope_path]);
        return `student ${line.student_id} history ${before} → ${after}`;
      }
      case 10: {
        // An import changes the student's status as an import's commit writes it: the link (with the
        // before-image) in the UPDATE's own statement, the import's one audit entry after it.
        const status = STATUSES[Math.floor(rnd() * STATUSES.length)];
        const importId = 900_000 + Math.floor(rnd() * 100_000);
        await db.query(
          `WITH linked AS (
             INSERT INTO import_records (resource, record_id, import_id, outcome, before)
             SELECT 'students', s.id::text, $3, 'updated', jsonb_build_object('status', s.status) FROM students s WHERE s.id = $2
             ON CONFLICT DO NOTHING)
           UPDATE students SET status = $1 WHERE id = $2`,
          [status, line.student_id, importId]);
        await db.query(
          `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path) VALUES (now(), 1, 'import', 'imports', $1, NULL, '{}'::jsonb, '450900.')`,
          [String(importId)]);
        return `student ${line.student_id} imported as ${status}`;
      }
      default:
        await db.query(`UPDATE disbursements SET date = date + 40, roster_entry_id = (SELECT e.id FROM roster_entries e WHERE NOT EXISTS (SELECT 1 FROM disbursements l WHERE l.roster_entry_id = e.id AND l.status IN ('pending', 'paid')) ORDER BY random() LIMIT 1) WHERE id = $1`, [line.id]);
        return `line ${line.id} re-dated and moved`;
    }
  }

  async function expectTableCurrent(step: string): Promise<void> {
    const { sql, params } = lineExceptionsSql('', {});
    const computed = (await db.query(`SELECT ${COLUMNS} FROM (${sql}) x(kind, key, program_id, year, term, region_id, student_id, line_ids, amount, expected, scope_path) ORDER BY key`, params)).rows;
    const stored = (await db.query(`SELECT ${COLUMNS} FROM fund_exceptions ORDER BY key`)).rows;
    for (const row of stored) seen.add(row.kind);
    expect({ step, rows: stored }).toEqual({ step, rows: computed });
  }

  async function expectListsEqual(step: string): Promise<void> {
    const scopes = ['450900.', ...counties.map((c) => c.path)];
    const filters: ReconciliationFilter[] = [{}, { regionId: counties[0].id }, { regionId: null }, { year: 2017, term: 'autumn' }];
    const exact = 1_000_000;
    const variants: { kind?: string; explained?: boolean; limit: number; countUpTo: number }[] = [
      { limit: 5000, countUpTo: exact }, { limit: 7, countUpTo: exact }, { kind: 'paidTwice', limit: 5000, countUpTo: exact },
      { kind: 'notEnrolled', limit: 3, countUpTo: exact }, { explained: true, limit: 5000, countUpTo: exact }, { explained: false, limit: 5000, countUpTo: exact },
    ];
    for (const scope of scopes) {
      for (const filter of filters) {
        for (const variant of variants) {
          const reference = referenceListSql(scope, filter, variant);
          const current = currentExceptionsSql(scope, filter, variant);
          const [expected, actual] = [listed((await db.query(reference.sql, reference.params)).rows), listed((await db.query(current.sql, current.params)).rows)];
          expect({ step, scope, filter, variant, rows: actual }).toEqual({ step, scope, filter, variant, rows: expected });
        }
      }
    }
    // Counted up to a cap: the page is the same, the count stops one past the cap.
    const capped = currentExceptionsSql('450900.', {}, { limit: 5000, countUpTo: 2 });
    const full = currentExceptionsSql('450900.', {}, { limit: 5000, countUpTo: exact });
    const [cappedRows, fullRows] = [(await db.query(capped.sql, capped.params)).rows, (await db.query(full.sql, full.params)).rows];
    expect(cappedRows.map((r) => r.key)).toEqual(fullRows.map((r) => r.key));
    if (fullRows.length) expect(Number(cappedRows[0].total)).toBe(Math.min(Number(fullRows[0].total), 3));
  }

  it.each([11, 12, 13])('matches the computed exceptions after random writes (seed %i)', async (seed) => {
    await plant(seed);
    await expectTableCurrent(`planted ${seed}`);
    // Notes on a few exceptions, so the explained filter has both sides.
    await db.query(
      `INSERT INTO fund_exception_notes (exception_key, kind, note, explained_by, explained_at, scope_path, version)
       SELECT key, kind, '已核实', 1, now(), scope_path, 1 FROM fund_exceptions ORDER BY key LIMIT 4 ON CONFLICT (exception_key) DO NOTHING`);
    await expectListsEqual(`planted ${seed}`);
    const rnd = random(seed * 7919);
    for (let i = 0; i < 25; i++) {
      const step = await write(rnd);
      await expectTableCurrent(`${seed}#${i}: ${step}`);
      if (i % 8 === 7) await expectListsEqual(`${seed}#${i}: ${step}`);
    }
    // Several writes in one transaction: the table is current when it commits.
    await db.query('BEGIN');
    for (let i = 0; i < 6; i++) await write(rnd);
    await db.query('COMMIT');
    await expectTableCurrent(`${seed}: one transaction of six writes`);
    await expectListsEqual(`${seed}: one transaction of six writes`);
  }, 300_000);

  it('met every line exception kind on the way', () => {
    expect([...seen].sort()).toEqual(['amountMismatch', 'noApprovedEntry', 'notEnrolled', 'paidTwice']);
  });

  it('makes the paidTwice of two payments of one student settled at once by two writers', async () => {
    const [line] = (await db.query(`SELECT * FROM disbursements WHERE serial_no LIKE 'FX%' ORDER BY id LIMIT 1`)).rows;
    const ids = (await db.query(
      `INSERT INTO disbursements (serial_no, batch_id, student_id, program_id, year, term, school_id, region_id, amount, date, method, account, status, scope_path, version)
       SELECT 'FX' || nextval('disbursements_id_seq'), batch_id, student_id, program_id, 2018, 'spring', school_id, region_id, 100000, '2018-04-01', 'aidCard', '6217000000', 'pending', scope_path, 1
         FROM disbursements d, generate_series(1, 2) WHERE d.id = $1 RETURNING id`, [line.id])).rows.map((r) => r.id as number);
    const [first, second] = [new Client({ connectionString: database.url }), new Client({ connectionString: database.url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query('BEGIN');
      await first.query(`UPDATE disbursements SET status = 'paid' WHERE id = $1`, [ids[0]]);
      await second.query('BEGIN');
      const pay = second.query(`UPDATE disbursements SET status = 'paid' WHERE id = $1`, [ids[1]]);
      // The second writer waits for the first's turn to end before computing.
      for (;;) {
        const waiting = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`);
        if (waiting.rows[0].n > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await first.query('COMMIT');
      await pay;
      await second.query('COMMIT');
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    const key = `paidTwice:${line.program_id}:2018:spring:${line.student_id}`;
    expect((await db.query('SELECT line_ids FROM fund_exceptions WHERE key = $1', [key])).rows).toEqual([{ line_ids: ids }]);
    await expectTableCurrent('two writers at once');
  }, 60_000);

  it('empties with its payment lines', async () => {
    await db.query('TRUNCATE disbursements CASCADE');
    expect((await db.query('SELECT count(*)::int AS n FROM fund_exceptions')).rows[0].n).toBe(0);
  });
});
