import type { MigrationInterface, QueryRunner } from "typeorm";

/** 结果全告知: letter templates, letters (one per recipient and term), follow-up campaigns and their follow-ups. */

export class Outreach1798300000000 implements MigrationInterface {
    name = 'Outreach1798300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "letter_templates" ("id" SERIAL NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "region_id" character varying(12) NOT NULL, "body" text NOT NULL, "receipt_text" text NOT NULL, "status" character varying(32), "revision" integer, "published_at" TIMESTAMP WITH TIME ZONE, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d649190668fdfcddc29294ab22f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_letter_templates_scope_path" ON "letter_templates"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "letters" ("id" SERIAL NOT NULL, "student_id" integer NOT NULL, "school_id" integer NOT NULL, "year" integer NOT NULL, "term" character varying(32) NOT NULL, "template_id" integer NOT NULL, "template_revision" integer, "payments" jsonb, "total" bigint, "content" text, "status" character varying(32), "delivered_at" date, "receipt_returned_at" date, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf70c41d26aa84cf2651d571889" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_letters_student_term" ON "letters"  ("student_id", "year", "term") `);
        await queryRunner.query(`CREATE INDEX "ix_letters_school_term" ON "letters"  ("school_id", "year", "term", "status") `);
        await queryRunner.query(`CREATE INDEX "ix_letters_scope_path" ON "letters"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "follow_up_campaigns" ("id" SERIAL NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "region_id" character varying(12) NOT NULL, "kind" character varying(32) NOT NULL, "year" integer NOT NULL, "term" character varying(32) NOT NULL, "sample_per_school" integer NOT NULL, "due_date" date NOT NULL, "status" character varying(32), "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a8fe9605a6f5f4628b0ef2fbb12" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_follow_up_campaigns_scope_path" ON "follow_up_campaigns"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "follow_ups" ("id" SERIAL NOT NULL, "campaign_id" integer NOT NULL, "student_id" integer NOT NULL, "school_id" integer NOT NULL, "kind" character varying(32), "amount_paid" bigint, "status" character varying(32), "contact_name" character varying(50), "contacted_at" TIMESTAMP WITH TIME ZONE, "reached" boolean NOT NULL DEFAULT false, "knew_policy" boolean NOT NULL DEFAULT false, "amount_check" character varying(32), "reported_amount" bigint, "satisfaction" character varying(32), "notes" text, "evidence_file_id" integer, "recorded_by" integer, "clue_id" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_follow_ups_campaign_student" ON "follow_ups"  ("campaign_id", "student_id") `);
        await queryRunner.query(`CREATE INDEX "ix_follow_ups_scope_path" ON "follow_ups"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "letter_templates" ADD CONSTRAINT "FK_2b69df00cb041dcd8cd44442aca" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "FK_45aeb38871700e8073cb77b0905" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "FK_5d1bb1d888422398642010c3207" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "FK_24820dbd8d369aed75228155f91" FOREIGN KEY ("template_id") REFERENCES "letter_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "follow_up_campaigns" ADD CONSTRAINT "FK_5b11e1c16bf9503ec9a6f38b101" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_d8eea4e38ec4a05e7522c58e76e" FOREIGN KEY ("campaign_id") REFERENCES "follow_up_campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_57418e27f6b53123c365e61e527" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_9f3bf553d5ec548f2dfa9768612" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_1de9215ed26b57946d231cbf56b" FOREIGN KEY ("evidence_file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_d9af064d15f12aada7012bcddeb" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_062e3ebcee92778857a607f1708" FOREIGN KEY ("clue_id") REFERENCES "clues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_062e3ebcee92778857a607f1708"`);
        await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_d9af064d15f12aada7012bcddeb"`);
        await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_1de9215ed26b57946d231cbf56b"`);
        await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_9f3bf553d5ec548f2dfa9768612"`);
        await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_57418e27f6b53123c365e61e527"`);
        await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_d8eea4e38ec4a05e7522c58e76e"`);
        await queryRunner.query(`ALTER TABLE "follow_up_campaigns" DROP CONSTRAINT "FK_5b11e1c16bf9503ec9a6f38b101"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_24820dbd8d369aed75228155f91"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_5d1bb1d888422398642010c3207"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "FK_45aeb38871700e8073cb77b0905"`);
        await queryRunner.query(`ALTER TABLE "letter_templates" DROP CONSTRAINT "FK_2b69df00cb041dcd8cd44442aca"`);
        await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ux_follow_ups_campaign_student"`);
        await queryRunner.query(`DROP TABLE "follow_ups"`);
        await queryRunner.query(`DROP INDEX "public"."ix_follow_up_campaigns_scope_path"`);
        await queryRunner.query(`DROP TABLE "follow_up_campaigns"`);
        await queryRunner.query(`DROP INDEX "public"."ix_letters_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_letters_school_term"`);
        await queryRunner.query(`DROP INDEX "public"."ux_letters_student_term"`);
        await queryRunner.query(`DROP TABLE "letters"`);
        await queryRunner.query(`DROP INDEX "public"."ix_letter_templates_scope_path"`);
        await queryRunner.query(`DROP TABLE "letter_templates"`);
    }

}
