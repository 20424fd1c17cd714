import { MigrationInterface, QueryRunner } from "typeorm";

export class ComparisonSummaryTree1795333677770 implements MigrationInterface {
    name = 'ComparisonSummaryTree1795333677770'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "comparison_summary_rows" ("id" SERIAL NOT NULL, "comparison_id" integer NOT NULL, "level" character varying(16) NOT NULL, "node_id" character varying(20) NOT NULL, "node_name" character varying(100) NOT NULL, "parent_id" character varying(20), "node_path" character varying(200) COLLATE "C" NOT NULL, "stage" character varying(32), "identity_type_id" integer, "students_compared" integer NOT NULL DEFAULT '0', "students_found" integer NOT NULL DEFAULT '0', "matched" integer NOT NULL DEFAULT '0', "questionable" integer NOT NULL DEFAULT '0', "marked" integer NOT NULL DEFAULT '0', "unmatched" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_f3353a37fc443afe96a7409593a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_comparison_summary_parent" ON "comparison_summary_rows"  ("comparison_id", "parent_id") `);
        await queryRunner.query(`CREATE INDEX "ix_comparison_summary_node" ON "comparison_summary_rows"  ("comparison_id", "node_id") `);
        await queryRunner.query(`ALTER TABLE "comparison_summary_rows" ADD CONSTRAINT "FK_b5e71fe22aa3d7201006b05ae88" FOREIGN KEY ("comparison_id") REFERENCES "comparisons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "comparison_summary_rows" DROP CONSTRAINT "FK_b5e71fe22aa3d7201006b05ae88"`);
        await queryRunner.query(`DROP INDEX "public"."ix_comparison_summary_node"`);
        await queryRunner.query(`DROP INDEX "public"."ix_comparison_summary_parent"`);
        await queryRunner.query(`DROP TABLE "comparison_summary_rows"`);
    }

}
