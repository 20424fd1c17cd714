import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Inspection checklists: templates (owned by a region) and their numbered versions (draft → published → retired). */
export class ChecklistTemplates1798000000000 implements MigrationInterface {
    name = 'ChecklistTemplates1798000000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "checklist_templates" ("id" SERIAL NOT NULL, "code" character varying(30) NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "kind" character varying(32) NOT NULL, "region_id" character varying(12) NOT NULL, "description" text, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6d17651d110bbac45cf07e44fa" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_checklist_templates_code" ON "checklist_templates"  ("code") `);
        await queryRunner.query(`CREATE INDEX "ix_checklist_templates_scope_path" ON "checklist_templates"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "checklist_versions" ("id" SERIAL NOT NULL, "template_id" integer NOT NULL, "number" integer, "status" character varying(32), "pass_mark" integer NOT NULL, "definition" jsonb, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_49ac7f1b37b4c1d5527e69943a7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_checklist_versions_number" ON "checklist_versions"  ("template_id", "number") `);
        await queryRunner.query(`CREATE INDEX "ix_checklist_versions_scope_path" ON "checklist_versions"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "checklist_templates" ADD CONSTRAINT "FK_8f51ac397df9db82dd719c5f753" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "checklist_versions" ADD CONSTRAINT "FK_9467fc7769b247ca4b3fca88844" FOREIGN KEY ("template_id") REFERENCES "checklist_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "checklist_versions" ADD CONSTRAINT "FK_73e7a74c6ea98adebbe4ae5c590" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "checklist_versions" DROP CONSTRAINT "FK_73e7a74c6ea98adebbe4ae5c590"`);
        await queryRunner.query(`ALTER TABLE "checklist_versions" DROP CONSTRAINT "FK_9467fc7769b247ca4b3fca88844"`);
        await queryRunner.query(`ALTER TABLE "checklist_templates" DROP CONSTRAINT "FK_8f51ac397df9db82dd719c5f753"`);
        await queryRunner.query(`DROP INDEX "public"."ix_checklist_versions_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ux_checklist_versions_number"`);
        await queryRunner.query(`DROP TABLE "checklist_versions"`);
        await queryRunner.query(`DROP INDEX "public"."ix_checklist_templates_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ux_checklist_templates_code"`);
        await queryRunner.query(`DROP TABLE "checklist_templates"`);
    }

}
