import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staged import rows are scratch data: a job interrupted by a crash is failed and uploaded
 * again anyway, so they need no write-ahead log. Unlogged, a 1.5-million-row file stages
 * without writing its rows twice. (TypeORM does not model table persistence, so the
 * entities and this migration still agree.)
 */
export class UnloggedImportStaging1795328864568 implements MigrationInterface {
  name = 'UnloggedImportStaging1795328864568';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "import_rows" SET UNLOGGED');
    await queryRunner.query('ALTER TABLE "import_errors" SET UNLOGGED');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "import_errors" SET LOGGED');
    await queryRunner.query('ALTER TABLE "import_rows" SET LOGGED');
  }
}
