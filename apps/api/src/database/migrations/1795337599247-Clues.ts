import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Checks: problem clues (问题线索), one per reconciliation exception at most. */
export class Clues1795337599247 implements MigrationInterface {
    name = 'Clues1795337599247'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "clues" ("id" SERIAL NOT NULL, "source" character varying(32) NOT NULL, "kind" character varying(100) COLLATE "C" NOT NULL, "description" text NOT NULL, "school_id" integer NOT NULL, "student_id" integer, "program_id" integer, "year" integer, "term" character varying(32), "exception_key" character varying(120), "due_date" date NOT NULL, "status" character varying(32), "refund_required" boolean NOT NULL DEFAULT false, "finding" text, "opened_by" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e710973f491f1bf6ac448a600e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_clues_exception_key" ON "clues"  ("exception_key") WHERE exception_key IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_clues_status" ON "clues"  ("status", "due_date") `);
        await queryRunner.query(`CREATE INDEX "ix_clues_scope_path" ON "clues"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_bbe1614663f0c61f4b775a33ef1" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_0d874dfee5e7e309f48068ea616" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_a7f9a977b2c7ce771b643062d47" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_cd3f8bd3f236de121e86952c8d3" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_cd3f8bd3f236de121e86952c8d3"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_a7f9a977b2c7ce771b643062d47"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_0d874dfee5e7e309f48068ea616"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_bbe1614663f0c61f4b775a33ef1"`);
        await queryRunner.query(`DROP INDEX "public"."ix_clues_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_clues_status"`);
        await queryRunner.query(`DROP INDEX "public"."ux_clues_exception_key"`);
        await queryRunner.query(`DROP TABLE "clues"`);
    }

}
