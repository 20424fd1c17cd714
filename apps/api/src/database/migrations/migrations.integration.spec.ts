import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { createEmptyDatabase, testServerUrl } from '../../testing/test-server';

/** The migrations must build exactly the schema the resource declarations describe. */
describe('migrations', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: DataSource;

  beforeAll(async () => {
    database = await createEmptyDatabase(testServerUrl());
    db = new DataSource(dataSourceOptions(database.url));
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('agree with the entities derived from the declarations (nothing left to generate)', async () => {
    await db.runMigrations({ transaction: 'all' });
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('revert cleanly', async () => {
    for (let i = 0; i < db.migrations.length; i++) await db.undoLastMigration({ transaction: 'all' });
    // TypeORM's own bookkeeping stays: the migration history, and the expressions of generated columns.
    const tables: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')`,
    );
    expect(tables[0].n).toBe(0);
  });
});
