import type { MigrationInterface, QueryRunner } from "typeorm";

/** Comparison executions (比对运行记录): one row per first run or re-run of a comparison. */
export class ComparisonExecutions1796398449428 implements MigrationInterface {
    name = 'ComparisonExecutions1796398449428'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "comparison_executions" ("id" SERIAL NOT NULL, "comparison_id" integer NOT NULL, "status" character varying(32) NOT NULL, "started_by" integer, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "identities_compared" integer, "matched" integer, "questionable" integer, "unmatched" integer, "added" integer, "changed" integer, "removed" integer, "message" jsonb, "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_eb69fcb068c62ed22d351ab2389" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_comparison_executions_run" ON "comparison_executions"  ("comparison_id", "id") `);
        await queryRunner.query(`ALTER TABLE "comparison_executions" ADD CONSTRAINT "FK_041e85aefefa04d4234fe26768e" FOREIGN KEY ("comparison_id") REFERENCES "comparisons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comparison_executions" ADD CONSTRAINT "FK_22adb743558621ee3958a8309c7" FOREIGN KEY ("started_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "comparison_executions" DROP CONSTRAINT "FK_22adb743558621ee3958a8309c7"`);
        await queryRunner.query(`ALTER TABLE "comparison_executions" DROP CONSTRAINT "FK_041e85aefefa04d4234fe26768e"`);
        await queryRunner.query(`DROP INDEX "public"."ix_comparison_executions_run"`);
        await queryRunner.query(`DROP TABLE "comparison_executions"`);
    }

}
