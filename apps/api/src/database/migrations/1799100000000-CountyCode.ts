import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables declared `distributedBy: 'county'` (see engine/metadata/county-code.ts). */
const TABLES = ['students', 'roster_entries', 'disbursements'];
const EXPRESSION = `substring(scope_path from '(?:^|\\.)([0-9]{4}(?:0[1-9]|[1-9][0-9]))\\.')`;

/**
 * `county_code` on the large per-county tables, generated from `scope_path` (the column a
 * multi-server deployment would distribute them by, docs/scale-out.md). TypeORM compares a
 * generated column by the expression it recorded in `typeorm_metadata` (the migration runner
 * creates that table), keyed by database name: the current one, whatever it is called.
 */
export class CountyCode1799100000000 implements MigrationInterface {
  name = 'CountyCode1799100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "county_code" character varying(6) GENERATED ALWAYS AS (${EXPRESSION}) STORED`);
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
         VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', 'county_code', $2)`,
        [table, EXPRESSION],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(
        `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'county_code'
           AND "database" = current_database() AND "schema" = current_schema() AND "table" = $1`,
        [table],
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "county_code"`);
    }
  }
}
