import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Payment batches: 应发 / 成功 / 失败 figures (paid and failed counts, failed amount; the
 * line count and total now count each entry's current line, so they no longer drop after
 * failures), and the entries a batch left out with the reason (disbursement_exclusions).
 * Batches made before this keep only their count of entries left out.
 */
export class BatchFiguresAndExclusions1797000200001 implements MigrationInterface {
    name = 'BatchFiguresAndExclusions1797000200001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "disbursement_exclusions" ("id" SERIAL NOT NULL, "batch_id" integer, "student_id" integer, "school_id" integer, "roster_entry_id" integer, "amount" bigint, "reason" character varying(32), "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_3d2649af239db302dd7bc8de8b5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_disbursement_exclusions_batch" ON "disbursement_exclusions"  ("batch_id", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_disbursement_exclusions_scope_path" ON "disbursement_exclusions"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" ADD "paid_count" integer`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" ADD "failed_count" integer`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" ADD "failed_amount" bigint`);
        // The figures as batch-figures.sql.ts computes them (frozen here: a migration never follows later code).
        await queryRunner.query(`
            UPDATE disbursement_batches b
               SET line_count = l.line_count, total_amount = l.total_amount, paid_count = l.paid_count, paid_amount = l.paid_amount,
                   failed_count = l.failed_count, failed_amount = l.failed_amount
              FROM (SELECT d.batch_id, count(*)::int AS line_count, COALESCE(sum(d.amount), 0)::bigint AS total_amount,
                           count(*) FILTER (WHERE d.status = 'paid')::int AS paid_count,
                           COALESCE(sum(d.amount) FILTER (WHERE d.status = 'paid'), 0)::bigint AS paid_amount,
                           count(*) FILTER (WHERE d.status IN ('failed', 'returned'))::int AS failed_count,
                           COALESCE(sum(d.amount) FILTER (WHERE d.status IN ('failed', 'returned')), 0)::bigint AS failed_amount
                      FROM disbursements d
                     WHERE NOT EXISTS (SELECT 1 FROM disbursements r WHERE r.reissue_of_id = d.id)
                     GROUP BY d.batch_id) l
             WHERE l.batch_id = b.id`);
        await queryRunner.query(`UPDATE disbursement_batches SET paid_count = 0, failed_count = 0, failed_amount = 0 WHERE paid_count IS NULL`);
        await queryRunner.query(`ALTER TABLE "disbursement_exclusions" ADD CONSTRAINT "FK_adc92b3e393dc35744c4aafe333" FOREIGN KEY ("batch_id") REFERENCES "disbursement_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursement_exclusions" ADD CONSTRAINT "FK_8bf66a37b382a527b19a8eae169" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursement_exclusions" ADD CONSTRAINT "FK_517ebbd1035eb247af6eafdedcb" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "disbursement_exclusions" DROP CONSTRAINT "FK_517ebbd1035eb247af6eafdedcb"`);
        await queryRunner.query(`ALTER TABLE "disbursement_exclusions" DROP CONSTRAINT "FK_8bf66a37b382a527b19a8eae169"`);
        await queryRunner.query(`ALTER TABLE "disbursement_exclusions" DROP CONSTRAINT "FK_adc92b3e393dc35744c4aafe333"`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" DROP COLUMN "failed_amount"`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" DROP COLUMN "failed_count"`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" DROP COLUMN "paid_count"`);
        await queryRunner.query(`DROP INDEX "public"."ix_disbursement_exclusions_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_disbursement_exclusions_batch"`);
        await queryRunner.query(`DROP TABLE "disbursement_exclusions"`);
    }

}
