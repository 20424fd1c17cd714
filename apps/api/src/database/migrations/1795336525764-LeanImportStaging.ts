import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The load path of a million-row import: staged rows lose their foreign key to `imports`
 * (a trigger call per COPYed row, about a quarter of the COPY's time; the rows are scratch
 * data written and read by their own job, and imports are never deleted) and keep the
 * uploaded cells (`raw`, only ever read back whole for the error workbook) as JSON text
 * rather than parsed `jsonb`.
 */
export class LeanImportStaging1795336525764 implements MigrationInterface {
  name = 'LeanImportStaging1795336525764';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_rows" DROP CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f"`);
    await queryRunner.query(`ALTER TABLE "import_rows" ALTER COLUMN "raw" TYPE text USING "raw"::text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_rows" ALTER COLUMN "raw" TYPE jsonb USING "raw"::jsonb`);
    await queryRunner.query(
      `ALTER TABLE "import_rows" ADD CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
