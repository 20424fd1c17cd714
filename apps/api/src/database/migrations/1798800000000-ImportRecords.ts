import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import is audited as one entry: `import_records` links each record an import wrote to
 * it (inserted/updated, the before-image of an update), written set-based by the commit,
 * instead of one JSON audit row per record. Keyed for a record's history; no foreign key to
 * `imports` (a trigger call per written row; imports are never deleted). Audit rows earlier
 * imports wrote per record stay as they are.
 */
export class ImportRecords1798800000000 implements MigrationInterface {
  name = 'ImportRecords1798800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_records" ("resource" character varying(40) NOT NULL, "record_id" character varying(40) NOT NULL, "import_id" integer NOT NULL, "outcome" character varying(8) NOT NULL, "before" jsonb, CONSTRAINT "PK_e4a2b21d77ed533a806ff6e67c9" PRIMARY KEY ("resource", "record_id", "import_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "import_records"`);
  }
}
