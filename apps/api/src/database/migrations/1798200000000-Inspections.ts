import type { MigrationInterface, QueryRunner } from "typeorm";

/** Inspections: plans (a bureau's round on one published checklist version) and one inspection per school; clues carry the inspection, item, severity and overdue flag of a finding. */

export class Inspections1798200000000 implements MigrationInterface {
    name = 'Inspections1798200000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "inspection_plans" ("id" SERIAL NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "region_id" character varying(12) NOT NULL, "version_id" integer NOT NULL, "mode" character varying(32) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "days_to_rectify" integer NOT NULL, "description" text, "status" character varying(32), "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c16d2b43b2cf86be36c96a3094" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_inspection_plans_scope_path" ON "inspection_plans"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "inspections" ("id" SERIAL NOT NULL, "plan_id" integer NOT NULL, "school_id" integer NOT NULL, "mode" character varying(32), "version_id" integer, "lead_inspector_id" integer, "team" character varying(200), "planned_date" date NOT NULL, "status" character varying(32), "started_at" TIMESTAMP WITH TIME ZONE, "answers" jsonb, "data_values" jsonb, "samples" jsonb, "self_inspection_id" integer, "score" double precision, "passed" boolean NOT NULL DEFAULT false, "result" jsonb, "findings_count" integer, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" integer, "reopen_reason" text, "report_file_id" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a484980015782324454d8c88abe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_inspections_plan_school" ON "inspections"  ("plan_id", "school_id") `);
        await queryRunner.query(`CREATE INDEX "ix_inspections_scope_path" ON "inspections"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "clues" ADD "inspection_id" integer`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "item_key" character varying(40)`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "severity" character varying(32)`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "overdue_flagged_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_clues_inspection_record" ON "clues"  ("inspection_id", "record_key") WHERE inspection_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_19f134904e95c135349ae8b7304" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspection_plans" ADD CONSTRAINT "FK_75306ab21460f2ca3496667d406" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspection_plans" ADD CONSTRAINT "FK_24d1a826292911114aacf85198f" FOREIGN KEY ("version_id") REFERENCES "checklist_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_bac72880ccc8a75a974d4acbc0f" FOREIGN KEY ("plan_id") REFERENCES "inspection_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_0e2be2a4b165e5413de6e9efb06" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_7144ba68b4ad4071c215d81bb25" FOREIGN KEY ("version_id") REFERENCES "checklist_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_2fa00995cbc20bff07a43b50317" FOREIGN KEY ("lead_inspector_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_15200ae789acb7fa6c5ac59006d" FOREIGN KEY ("self_inspection_id") REFERENCES "inspections"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_b91fa913b5d636ad6de5867f7d0" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspections" ADD CONSTRAINT "FK_2ee7356986b77e498ef146ece9a" FOREIGN KEY ("report_file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "inspections" DROP CONSTRAINT "FK_2ee7356986b77e498ef146ece9a"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP CONSTRAINT "FK_b91fa913b5d636ad6de5867f7d0"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP CONSTRAINT "FK_15200ae789acb7fa6c5ac59006d"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP CONSTRAINT "FK_2fa00995cbc20bff07a43b50317"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP CONSTRAINT "FK_7144ba68b4ad4071c215d81bb25"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP CONSTRAINT "FK_0e2be2a4b165e5413de6e9efb06"`);
        await queryRunner.query(`ALTER TABLE "inspections" DROP CONSTRAINT "FK_bac72880ccc8a75a974d4acbc0f"`);
        await queryRunner.query(`ALTER TABLE "inspection_plans" DROP CONSTRAINT "FK_24d1a826292911114aacf85198f"`);
        await queryRunner.query(`ALTER TABLE "inspection_plans" DROP CONSTRAINT "FK_75306ab21460f2ca3496667d406"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_19f134904e95c135349ae8b7304"`);
        await queryRunner.query(`DROP INDEX "public"."ux_clues_inspection_record"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "overdue_flagged_at"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "severity"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "item_key"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "inspection_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_inspections_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ux_inspections_plan_school"`);
        await queryRunner.query(`DROP TABLE "inspections"`);
        await queryRunner.query(`DROP INDEX "public"."ix_inspection_plans_scope_path"`);
        await queryRunner.query(`DROP TABLE "inspection_plans"`);
    }

}
