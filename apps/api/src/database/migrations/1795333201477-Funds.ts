import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Funds: allocations, payment batches and lines (one live line per roster entry), refunds, exception notes. */
export class Funds1795333201477 implements MigrationInterface {
    name = 'Funds1795333201477'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "allocations" ("id" SERIAL NOT NULL, "program_id" integer NOT NULL, "year" integer NOT NULL, "term" character varying(32) NOT NULL, "source" character varying(32) NOT NULL, "region_id" character varying(12) NOT NULL, "school_id" integer, "amount" bigint NOT NULL, "document_number" character varying(60) COLLATE "C" NOT NULL, "date" date NOT NULL, "note" character varying(200), "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca63099fc248466264af0fa6f1f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_allocations_document" ON "allocations"  ("document_number", "program_id", "year", "term", "source", "region_id") `);
        await queryRunner.query(`CREATE INDEX "ix_allocations_program_term" ON "allocations"  ("program_id", "year", "term") `);
        await queryRunner.query(`CREATE INDEX "ix_allocations_scope_path" ON "allocations"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "disbursement_batches" ("id" SERIAL NOT NULL, "title" character varying(200) COLLATE "C", "program_id" integer NOT NULL, "year" integer NOT NULL, "term" character varying(32) NOT NULL, "region_id" character varying(12) NOT NULL, "method" character varying(32) NOT NULL, "date" date NOT NULL, "line_count" integer, "total_amount" bigint, "paid_amount" bigint, "skipped_no_account" integer, "note" character varying(200), "created_by" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b621d37b30354bfab7b35ac1448" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_disbursement_batches_scope_path" ON "disbursement_batches"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "disbursements" ("id" SERIAL NOT NULL, "serial_no" character varying(30), "batch_id" integer, "student_id" integer, "roster_entry_id" integer, "program_id" integer, "year" integer, "term" character varying(32), "school_id" integer, "region_id" character varying(12), "amount" bigint, "date" date, "method" character varying(32), "account" character varying(32), "status" character varying(32), "bank_reason" character varying(200), "settled_at" TIMESTAMP WITH TIME ZONE, "reissue_of_id" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2f9ea0e5b8382113aaa3e51cdfa" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_disbursements_serial" ON "disbursements"  ("serial_no") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_disbursements_live_entry" ON "disbursements"  ("roster_entry_id") WHERE status IN ('pending', 'paid')`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_disbursements_reissue" ON "disbursements"  ("reissue_of_id") `);
        await queryRunner.query(`CREATE INDEX "ix_disbursements_group" ON "disbursements"  ("program_id", "year", "term", "region_id", "status", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_disbursements_batch" ON "disbursements"  ("batch_id", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_disbursements_student" ON "disbursements"  ("student_id", "program_id", "year", "term") `);
        await queryRunner.query(`CREATE INDEX "ix_disbursements_scope_path" ON "disbursements"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "refunds" ("id" SERIAL NOT NULL, "disbursement_id" integer NOT NULL, "student_id" integer, "program_id" integer, "year" integer, "term" character varying(32), "region_id" character varying(12), "amount" bigint NOT NULL, "date" date NOT NULL, "receiving_account" character varying(60) NOT NULL, "reason" text NOT NULL, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5106efb01eeda7e49a78b869738" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_refunds_disbursement" ON "refunds"  ("disbursement_id") `);
        await queryRunner.query(`CREATE INDEX "ix_refunds_group" ON "refunds"  ("program_id", "year", "term", "region_id") `);
        await queryRunner.query(`CREATE INDEX "ix_refunds_scope_path" ON "refunds"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "fund_exception_notes" ("id" SERIAL NOT NULL, "exception_key" character varying(120), "kind" character varying(32), "note" text, "explained_by" integer, "explained_at" TIMESTAMP WITH TIME ZONE, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4b8a0bc23a7d6e02a63dd2bcda" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_fund_exception_notes_key" ON "fund_exception_notes"  ("exception_key") `);
        await queryRunner.query(`CREATE INDEX "ix_fund_exception_notes_scope_path" ON "fund_exception_notes"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "allocations" ADD CONSTRAINT "FK_447b3abcb8ba3834ada482fd1d1" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "allocations" ADD CONSTRAINT "FK_1720c0d4023f04712ecdbc4722c" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "allocations" ADD CONSTRAINT "FK_97e9949b346eb4af38fa686875b" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" ADD CONSTRAINT "FK_466f9553138a50cf2b0a38ccdb7" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" ADD CONSTRAINT "FK_66d5e48e729429f66bc2df289f8" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" ADD CONSTRAINT "FK_c31b29107afe9c09f9863d51337" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursements" ADD CONSTRAINT "FK_08c18a2a9fbabc44d54c3f6a81c" FOREIGN KEY ("batch_id") REFERENCES "disbursement_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursements" ADD CONSTRAINT "FK_7755f54a7633fce9b5d5e66cce0" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursements" ADD CONSTRAINT "FK_6531432d665d684614d15704aa7" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursements" ADD CONSTRAINT "FK_39fd9b1d0af9d228c1881ba6b5a" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursements" ADD CONSTRAINT "FK_2094eb57b5532aa157dc6ad9ca3" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "disbursements" ADD CONSTRAINT "FK_d4cae4df2ae23d78ecae83d770d" FOREIGN KEY ("reissue_of_id") REFERENCES "disbursements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refunds" ADD CONSTRAINT "FK_d01ff51947c9d4862e000024674" FOREIGN KEY ("disbursement_id") REFERENCES "disbursements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refunds" ADD CONSTRAINT "FK_f1e567ba67bf02168b8c101d717" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refunds" ADD CONSTRAINT "FK_41ed38b81ddfe924c571fdf2dc1" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "refunds" ADD CONSTRAINT "FK_9768d037876c94467d3a998476e" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "fund_exception_notes" ADD CONSTRAINT "FK_34699fb315ecceff33ce1e3bdee" FOREIGN KEY ("explained_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "fund_exception_notes" DROP CONSTRAINT "FK_34699fb315ecceff33ce1e3bdee"`);
        await queryRunner.query(`ALTER TABLE "refunds" DROP CONSTRAINT "FK_9768d037876c94467d3a998476e"`);
        await queryRunner.query(`ALTER TABLE "refunds" DROP CONSTRAINT "FK_41ed38b81ddfe924c571fdf2dc1"`);
        await queryRunner.query(`ALTER TABLE "refunds" DROP CONSTRAINT "FK_f1e567ba67bf02168b8c101d717"`);
        await queryRunner.query(`ALTER TABLE "refunds" DROP CONSTRAINT "FK_d01ff51947c9d4862e000024674"`);
        await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_d4cae4df2ae23d78ecae83d770d"`);
        await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_2094eb57b5532aa157dc6ad9ca3"`);
        await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_39fd9b1d0af9d228c1881ba6b5a"`);
        await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_6531432d665d684614d15704aa7"`);
        await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_7755f54a7633fce9b5d5e66cce0"`);
        await queryRunner.query(`ALTER TABLE "disbursements" DROP CONSTRAINT "FK_08c18a2a9fbabc44d54c3f6a81c"`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" DROP CONSTRAINT "FK_c31b29107afe9c09f9863d51337"`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" DROP CONSTRAINT "FK_66d5e48e729429f66bc2df289f8"`);
        await queryRunner.query(`ALTER TABLE "disbursement_batches" DROP CONSTRAINT "FK_466f9553138a50cf2b0a38ccdb7"`);
        await queryRunner.query(`ALTER TABLE "allocations" DROP CONSTRAINT "FK_97e9949b346eb4af38fa686875b"`);
        await queryRunner.query(`ALTER TABLE "allocations" DROP CONSTRAINT "FK_1720c0d4023f04712ecdbc4722c"`);
        await queryRunner.query(`ALTER TABLE "allocations" DROP CONSTRAINT "FK_447b3abcb8ba3834ada482fd1d1"`);
        await queryRunner.query(`DROP INDEX "public"."ix_fund_exception_notes_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ux_fund_exception_notes_key"`);
        await queryRunner.query(`DROP TABLE "fund_exception_notes"`);
        await queryRunner.query(`DROP INDEX "public"."ix_refunds_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_refunds_group"`);
        await queryRunner.query(`DROP INDEX "public"."ix_refunds_disbursement"`);
        await queryRunner.query(`DROP TABLE "refunds"`);
        await queryRunner.query(`DROP INDEX "public"."ix_disbursements_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_disbursements_student"`);
        await queryRunner.query(`DROP INDEX "public"."ix_disbursements_batch"`);
        await queryRunner.query(`DROP INDEX "public"."ix_disbursements_group"`);
        await queryRunner.query(`DROP INDEX "public"."ux_disbursements_reissue"`);
        await queryRunner.query(`DROP INDEX "public"."ux_disbursements_live_entry"`);
        await queryRunner.query(`DROP INDEX "public"."ux_disbursements_serial"`);
        await queryRunner.query(`DROP TABLE "disbursements"`);
        await queryRunner.query(`DROP INDEX "public"."ix_disbursement_batches_scope_path"`);
        await queryRunner.query(`DROP TABLE "disbursement_batches"`);
        await queryRunner.query(`DROP INDEX "public"."ix_allocations_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_allocations_program_term"`);
        await queryRunner.query(`DROP INDEX "public"."ux_allocations_document"`);
        await queryRunner.query(`DROP TABLE "allocations"`);
    }

}
