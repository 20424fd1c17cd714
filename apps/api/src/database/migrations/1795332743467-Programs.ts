import { MigrationInterface, QueryRunner } from "typeorm";

export class Programs1795332743467 implements MigrationInterface {
    name = 'Programs1795332743467'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "programs" ("id" SERIAL NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "code" character varying(30) NOT NULL, "category" character varying(32) NOT NULL, "region_id" character varying(12) NOT NULL, "stages" character varying(32) array NOT NULL DEFAULT '{}', "term_kind" character varying(32) NOT NULL, "first_year" integer NOT NULL, "last_year" integer, "active" boolean NOT NULL DEFAULT true, "tiers" jsonb, "funding_shares" jsonb, "eligibility_rule" jsonb, "auto_enrol" boolean NOT NULL DEFAULT true, "application_fields" jsonb, "approval_steps" jsonb, "deadlines" jsonb, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d43c664bcaafc0e8a06dfd34e05" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_programs_code" ON "programs"  ("code") `);
        await queryRunner.query(`CREATE TABLE "rosters" ("id" SERIAL NOT NULL, "title" character varying(200) COLLATE "C", "program_id" integer NOT NULL, "year" integer NOT NULL, "term" character varying(32) NOT NULL, "school_id" integer NOT NULL, "status" character varying(32), "step_index" integer, "step_label" character varying(30), "deadline" date, "entry_count" integer, "total_amount" bigint, "program_version" integer, "tiers" jsonb, "application_fields" jsonb, "approval_steps" jsonb, "eligibility_rule" jsonb, "auto_enrol" boolean NOT NULL DEFAULT false, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e1a50137614e6fe5a030145dadf" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_rosters_program_term_school" ON "rosters"  ("program_id", "year", "term", "school_id") `);
        await queryRunner.query(`CREATE INDEX "ix_rosters_scope_path" ON "rosters"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "roster_entries" ("id" SERIAL NOT NULL, "roster_id" integer NOT NULL, "student_id" integer NOT NULL, "tier" character varying(20) NOT NULL, "amount" bigint, "application_data" jsonb, "source" character varying(32), "note" character varying(200), "program_id" integer, "year" integer, "term" character varying(32), "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4b86b75e6d6856f877517ef8d1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_roster_entries_student_term" ON "roster_entries"  ("program_id", "year", "term", "student_id") `);
        await queryRunner.query(`CREATE INDEX "ix_roster_entries_roster" ON "roster_entries"  ("roster_id", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_roster_entries_student" ON "roster_entries"  ("student_id") `);
        await queryRunner.query(`CREATE INDEX "ix_roster_entries_scope_path" ON "roster_entries"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "roster_actions" ("id" SERIAL NOT NULL, "roster_id" integer, "step_index" integer, "step_label" character varying(30), "action" character varying(32), "comment" text, "change" jsonb, "acted_by" integer, "acted_at" TIMESTAMP WITH TIME ZONE, "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_bab0b714e76e96f2ccd82283878" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_roster_actions_roster" ON "roster_actions"  ("roster_id", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_roster_actions_scope_path" ON "roster_actions"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "programs" ADD CONSTRAINT "FK_bec1e9a7810efe17bb77a61680d" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rosters" ADD CONSTRAINT "FK_8a2ee17171539d0d7f4ef917c29" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rosters" ADD CONSTRAINT "FK_12bceb9f47a796df12d51a487cb" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roster_entries" ADD CONSTRAINT "FK_4f97368dba854b34dcc48dc0b45" FOREIGN KEY ("roster_id") REFERENCES "rosters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roster_entries" ADD CONSTRAINT "FK_baa31e2b33f59ff5780ee54b9bd" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roster_entries" ADD CONSTRAINT "FK_bf1733a54d1d10da06e12a55846" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roster_actions" ADD CONSTRAINT "FK_57bcf41443201a944f5a5d809fb" FOREIGN KEY ("roster_id") REFERENCES "rosters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "roster_actions" ADD CONSTRAINT "FK_b3d37542a32261e8266bcb45f46" FOREIGN KEY ("acted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "roster_actions" DROP CONSTRAINT "FK_b3d37542a32261e8266bcb45f46"`);
        await queryRunner.query(`ALTER TABLE "roster_actions" DROP CONSTRAINT "FK_57bcf41443201a944f5a5d809fb"`);
        await queryRunner.query(`ALTER TABLE "roster_entries" DROP CONSTRAINT "FK_bf1733a54d1d10da06e12a55846"`);
        await queryRunner.query(`ALTER TABLE "roster_entries" DROP CONSTRAINT "FK_baa31e2b33f59ff5780ee54b9bd"`);
        await queryRunner.query(`ALTER TABLE "roster_entries" DROP CONSTRAINT "FK_4f97368dba854b34dcc48dc0b45"`);
        await queryRunner.query(`ALTER TABLE "rosters" DROP CONSTRAINT "FK_12bceb9f47a796df12d51a487cb"`);
        await queryRunner.query(`ALTER TABLE "rosters" DROP CONSTRAINT "FK_8a2ee17171539d0d7f4ef917c29"`);
        await queryRunner.query(`ALTER TABLE "programs" DROP CONSTRAINT "FK_bec1e9a7810efe17bb77a61680d"`);
        await queryRunner.query(`DROP INDEX "public"."ix_roster_actions_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_roster_actions_roster"`);
        await queryRunner.query(`DROP TABLE "roster_actions"`);
        await queryRunner.query(`DROP INDEX "public"."ix_roster_entries_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_roster_entries_student"`);
        await queryRunner.query(`DROP INDEX "public"."ix_roster_entries_roster"`);
        await queryRunner.query(`DROP INDEX "public"."ux_roster_entries_student_term"`);
        await queryRunner.query(`DROP TABLE "roster_entries"`);
        await queryRunner.query(`DROP INDEX "public"."ix_rosters_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ux_rosters_program_term_school"`);
        await queryRunner.query(`DROP TABLE "rosters"`);
        await queryRunner.query(`DROP INDEX "public"."ux_programs_code"`);
        await queryRunner.query(`DROP TABLE "programs"`);
    }

}
