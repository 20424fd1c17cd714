import type { MigrationInterface, QueryRunner } from "typeorm";

/** 工作计划: work plans, their duties, and each duty's occurrences per unit and period (unique per duty, unit and due date). */

export class WorkPlans1798400000000 implements MigrationInterface {
    name = 'WorkPlans1798400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "work_plans" ("id" SERIAL NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "year" integer NOT NULL, "region_id" character varying(12) NOT NULL, "description" text, "status" character varying(32), "published_at" TIMESTAMP WITH TIME ZONE, "published_by" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aec61407bc55c68a5e31f4aaeec" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_work_plans_scope_path" ON "work_plans"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "duties" ("id" SERIAL NOT NULL, "plan_id" integer NOT NULL, "title" character varying(200) COLLATE "C" NOT NULL, "description" text, "level" character varying(32) NOT NULL, "applies_to" jsonb, "recurrence" character varying(200) NOT NULL, "start_date" date, "evidence_expected" text, "completion_rule" character varying(32) NOT NULL, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f35c74c0ad8c80299ca5d511f95" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_duties_plan" ON "duties"  ("plan_id", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_duties_scope_path" ON "duties"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "duty_occurrences" ("id" SERIAL NOT NULL, "duty_id" integer, "plan_id" integer, "unit_key" character varying(20), "school_id" integer, "region_id" character varying(12), "level" character varying(32), "completion_rule" character varying(32), "period_start" date, "due_date" date, "status" character varying(32), "completed_at" date, "on_time" boolean NOT NULL DEFAULT false, "evidence_file_id" integer, "note" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" integer, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" integer, "return_reason" text, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_70bcf961a5cd7464e7c471b5941" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_duty_occurrences_unit_due" ON "duty_occurrences"  ("duty_id", "unit_key", "due_date") `);
        await queryRunner.query(`CREATE INDEX "ix_duty_occurrences_plan" ON "duty_occurrences"  ("plan_id", "unit_key", "due_date") `);
        await queryRunner.query(`CREATE INDEX "ix_duty_occurrences_open" ON "duty_occurrences"  ("status", "due_date") `);
        await queryRunner.query(`CREATE INDEX "ix_duty_occurrences_scope_path" ON "duty_occurrences"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "work_plans" ADD CONSTRAINT "FK_fdda89935384182f798de02a531" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "work_plans" ADD CONSTRAINT "FK_bc373aada4fb35cae7d8a69f714" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duties" ADD CONSTRAINT "FK_f5d32f0680c8a9fcce6bec8fcb1" FOREIGN KEY ("plan_id") REFERENCES "work_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" ADD CONSTRAINT "FK_166a3bea77a0ab586d87ae44726" FOREIGN KEY ("duty_id") REFERENCES "duties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" ADD CONSTRAINT "FK_2a6985da73fc9030961b45b03c9" FOREIGN KEY ("plan_id") REFERENCES "work_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" ADD CONSTRAINT "FK_bf32439fb34ad0b8cce4281f412" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" ADD CONSTRAINT "FK_9b362ca23dcfc90770a12096b34" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" ADD CONSTRAINT "FK_42f0e1559e78f7d97dddb2acbdd" FOREIGN KEY ("evidence_file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" ADD CONSTRAINT "FK_f50e99d8d7dde959888b28a5d48" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" ADD CONSTRAINT "FK_c3848ba1bf1a656b77bff75b2dd" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "duty_occurrences" DROP CONSTRAINT "FK_c3848ba1bf1a656b77bff75b2dd"`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" DROP CONSTRAINT "FK_f50e99d8d7dde959888b28a5d48"`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" DROP CONSTRAINT "FK_42f0e1559e78f7d97dddb2acbdd"`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" DROP CONSTRAINT "FK_9b362ca23dcfc90770a12096b34"`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" DROP CONSTRAINT "FK_bf32439fb34ad0b8cce4281f412"`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" DROP CONSTRAINT "FK_2a6985da73fc9030961b45b03c9"`);
        await queryRunner.query(`ALTER TABLE "duty_occurrences" DROP CONSTRAINT "FK_166a3bea77a0ab586d87ae44726"`);
        await queryRunner.query(`ALTER TABLE "duties" DROP CONSTRAINT "FK_f5d32f0680c8a9fcce6bec8fcb1"`);
        await queryRunner.query(`ALTER TABLE "work_plans" DROP CONSTRAINT "FK_bc373aada4fb35cae7d8a69f714"`);
        await queryRunner.query(`ALTER TABLE "work_plans" DROP CONSTRAINT "FK_fdda89935384182f798de02a531"`);
        await queryRunner.query(`DROP INDEX "public"."ix_duty_occurrences_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_duty_occurrences_open"`);
        await queryRunner.query(`DROP INDEX "public"."ix_duty_occurrences_plan"`);
        await queryRunner.query(`DROP INDEX "public"."ux_duty_occurrences_unit_due"`);
        await queryRunner.query(`DROP TABLE "duty_occurrences"`);
        await queryRunner.query(`DROP INDEX "public"."ix_duties_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_duties_plan"`);
        await queryRunner.query(`DROP TABLE "duties"`);
        await queryRunner.query(`DROP INDEX "public"."ix_work_plans_scope_path"`);
        await queryRunner.query(`DROP TABLE "work_plans"`);
    }

}
