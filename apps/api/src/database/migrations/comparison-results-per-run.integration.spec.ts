import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { createTestDatabase, testServerUrl } from '../../testing/test-server';

type Row = Record<string, unknown>;

/**
 * ComparisonResultsPerRun moves stored results into one partition per run, and back: a
 * database with results of two runs keeps every row, id and decision both ways.
 */
describe('migration ComparisonResultsPerRun, on a database with results', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: DataSource;
  const runs: number[] = [];

  const stored = (): Promise<Row[]> =>
    db.query(`SELECT id, comparison_id, identity_id, decision, decision_reason FROM comparison_results ORDER BY id`);
  const partitions = async (): Promise<string[]> =>
    (
      await db.query(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'comparison_results'::regclass ORDER BY 1`,
      )
    ).map((r: { relname: string }) => r.relname);

  /** Undoes the latest migrations up to and including ComparisonResultsPerRun. */
  async function undoPartitioning(): Promise<void> {
    for (;;) {
      const [last] = await db.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
      await db.undoLastMigration({ transaction: 'all' });
      if (String(last.name).startsWith('ComparisonResultsPerRun')) return;
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase(testServerUrl());
    db = new DataSource(dataSourceOptions(database.url));
    await db.initialize();
    // Back to the single table, as a database from before the migration has it.
    await undoPartitioning();
    for (const name of ['春季比对', '秋季比对']) {
      const [{ id }] = await db.query(
        `INSERT INTO comparisons (name, region_id, list_ids, status, scope_path, version)
         SELECT $1, '450900', string_agg(id::text, ','), 'done', '450900.', 1 FROM identity_lists RETURNING id`,
        [name],
      );
      runs.push(id);
      await db.query(
        `INSERT INTO comparison_results (comparison_id, identity_id, person_name, person_id_number, region_id, outcome, reason,
                decision, decision_reason, marked, scope_path, version)
         SELECT $1, i.id, i.name, i.id_number, '450900', 'unmatched', 'noStudent',
                CASE WHEN i.id % 2 = 0 THEN 'rejected' ELSE 'pending' END, CASE WHEN i.id % 2 = 0 THEN '县外就读' END,
                false, '450900.', 1
           FROM identities i ORDER BY i.id LIMIT 20`,
        [id],
      );
    }
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('moves every run into a partition of its own, rows, ids and decisions unchanged, and back', async () => {
    const before = await stored();
    expect(before).toHaveLength(40);
    await db.runMigrations({ transaction: 'all' });
    expect(await partitions()).toEqual(runs.map((id) => `comparison_results_${id}`).sort());
    expect(await stored()).toEqual(before);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ONLY comparison_results_${runs[1]}`);
    expect(n).toBe(20);
    // New results still take ids after the moved ones.
    const [{ next }] = await db.query(`SELECT nextval('comparison_results_id_seq')::int AS next`);
    expect(next).toBeGreaterThan(Math.max(...before.map((r) => Number(r.id))));

    await undoPartitioning();
    expect(await db.query(`SELECT relkind FROM pg_class WHERE relname = 'comparison_results'`)).toEqual([{ relkind: 'r' }]);
    expect(await stored()).toEqual(before);
    await db.runMigrations({ transaction: 'all' });
  });
});
