import type { MigrationInterface, QueryRunner } from "typeorm";

/** 稽核规则 (audit rules), and the clues they open: one per rule and matched record. */
export class AuditRules1798100000000 implements MigrationInterface {
    name = 'AuditRules1798100000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_rules" ("id" SERIAL NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "description" text NOT NULL, "region_id" character varying(12) NOT NULL, "program_id" integer, "condition" jsonb, "severity" character varying(32) NOT NULL, "days_to_rectify" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "last_run_at" TIMESTAMP WITH TIME ZONE, "last_matched" integer, "last_opened" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2d3450c9ee667c5ccfb8998365a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_audit_rules_name" ON "audit_rules"  ("name") `);
        await queryRunner.query(`ALTER TABLE "clues" ADD "audit_rule_id" integer`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "record_key" character varying(60)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_clues_audit_rule_record" ON "clues"  ("audit_rule_id", "record_key") WHERE audit_rule_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_5210c19dc74dc7ab106ad9388a4" FOREIGN KEY ("audit_rule_id") REFERENCES "audit_rules"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_rules" ADD CONSTRAINT "FK_852d2d80a45b37731602b19f34d" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_rules" ADD CONSTRAINT "FK_0f70c5c52b031d9bfd67ae05b82" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_rules" DROP CONSTRAINT "FK_0f70c5c52b031d9bfd67ae05b82"`);
        await queryRunner.query(`ALTER TABLE "audit_rules" DROP CONSTRAINT "FK_852d2d80a45b37731602b19f34d"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_5210c19dc74dc7ab106ad9388a4"`);
        await queryRunner.query(`DROP INDEX "public"."ux_clues_audit_rule_record"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "record_key"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "audit_rule_id"`);
        await queryRunner.query(`DROP INDEX "public"."ux_audit_rules_name"`);
        await queryRunner.query(`DROP TABLE "audit_rules"`);
    }

}
