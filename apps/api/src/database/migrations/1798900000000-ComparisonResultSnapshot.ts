import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comparison results become a snapshot of their run: each carries the student's school and
 * stage as the run found them (its `scope_path` already held the school's path), so the
 * summary, the progress and the mark refreshes read no students. The derived columns
 * (identity type, region) lose their foreign keys, on the partitioned table and so on every
 * run's partition; student and identity, which decisions rest on, keep theirs. Results
 * stored before this take their students' current school and stage, the best known.
 */
export class ComparisonResultSnapshot1798900000000 implements MigrationInterface {
  name = 'ComparisonResultSnapshot1798900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_57b2b368f37d5e0fba3b57e4677"`);
    await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_c875a13403cc974b2222646ce98"`);
    await queryRunner.query(`ALTER TABLE "comparison_results" ADD "school_id" integer`);
    await queryRunner.query(`ALTER TABLE "comparison_results" ADD "stage" character varying(32)`);
    await queryRunner.query(
      `UPDATE "comparison_results" r SET school_id = s.school_id, stage = s.stage FROM "students" s WHERE s.id = r.student_id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comparison_results" DROP COLUMN "stage"`);
    await queryRunner.query(`ALTER TABLE "comparison_results" DROP COLUMN "school_id"`);
    await queryRunner.query(
      `ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_c875a13403cc974b2222646ce98" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_57b2b368f37d5e0fba3b57e4677" FOREIGN KEY ("identity_type_id") REFERENCES "identity_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
