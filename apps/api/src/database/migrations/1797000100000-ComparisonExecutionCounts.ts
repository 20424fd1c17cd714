import type { MigrationInterface, QueryRunner } from "typeorm";

/** What each execution of a run found and changed, per school (or region) path: what readers from below read. */
export class ComparisonExecutionCounts1797000100000 implements MigrationInterface {
    name = 'ComparisonExecutionCounts1797000100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "comparison_execution_counts" ("execution_id" integer NOT NULL, "scope_path" character varying(200) COLLATE "C" NOT NULL, "identities" integer NOT NULL DEFAULT '0', "matched" integer NOT NULL DEFAULT '0', "questionable" integer NOT NULL DEFAULT '0', "unmatched" integer NOT NULL DEFAULT '0', "added" integer NOT NULL DEFAULT '0', "changed" integer NOT NULL DEFAULT '0', "removed" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_b86260b20bd98cd47cb82f82c33" PRIMARY KEY ("execution_id", "scope_path"))`);
        await queryRunner.query(`ALTER TABLE "comparison_execution_counts" ADD CONSTRAINT "FK_ca35af810f774249dc054cb6d81" FOREIGN KEY ("execution_id") REFERENCES "comparison_executions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "comparison_execution_counts" DROP CONSTRAINT "FK_ca35af810f774249dc054cb6d81"`);
        await queryRunner.query(`DROP TABLE "comparison_execution_counts"`);
    }

}
