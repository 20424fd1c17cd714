import { MigrationInterface, QueryRunner } from "typeorm";

export class Identities1795327503940 implements MigrationInterface {
    name = 'Identities1795327503940'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "identity_types" ("id" SERIAL NOT NULL, "name" character varying(50) COLLATE "C" NOT NULL, "department" character varying(32) NOT NULL, "aid_tier" character varying(32), "priority" integer NOT NULL, "region_id" character varying(12) NOT NULL, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31aaa225433b9b5a86da90147ae" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_identity_types_name" ON "identity_types"  ("name") `);
        await queryRunner.query(`CREATE TABLE "identity_lists" ("id" SERIAL NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "department" character varying(32) NOT NULL, "identity_type_id" integer NOT NULL, "region_id" character varying(12) NOT NULL, "batch_date" date NOT NULL, "valid_until" date, "document_number" character varying(100) COLLATE "C", "notes" text, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e19f40b6af7cc288ae061faae87" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "identities" ("id" SERIAL NOT NULL, "list_id" integer NOT NULL, "id_number" character varying(18) NOT NULL, "name" character varying(50) COLLATE "C" NOT NULL, "birth_date" date, "identity_type_id" integer, "household_head" character varying(50), "household_region_id" character varying(12), "remarks" text, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7b2f8cccf4ac6a2d7e6e9e8b1f6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_identities_list_id_number" ON "identities"  ("list_id", "id_number") `);
        await queryRunner.query(`CREATE INDEX "ix_identities_id_number" ON "identities"  ("id_number") `);
        await queryRunner.query(`CREATE INDEX "ix_identities_scope_path" ON "identities"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "comparisons" ("id" SERIAL NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "region_id" character varying(12) NOT NULL, "list_ids" character varying(200) NOT NULL, "deadline" date, "status" character varying(32), "progress" jsonb, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "summary" jsonb, "message" jsonb, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd57ecac9337bc1fdeffafbc33c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "comparison_results" ("id" SERIAL NOT NULL, "comparison_id" integer NOT NULL, "student_id" integer, "person_name" character varying(50) COLLATE "C", "person_id_number" character varying(18), "identity_id" integer NOT NULL, "identity_type_id" integer, "region_id" character varying(12) NOT NULL, "outcome" character varying(32) NOT NULL, "reason" character varying(32) NOT NULL, "decision" character varying(32) NOT NULL, "decision_reason" character varying(500), "decided_by" integer, "decided_at" TIMESTAMP WITH TIME ZONE, "marked" boolean NOT NULL DEFAULT false, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_52c19a953e263febff431d584e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_comparison_results_run" ON "comparison_results"  ("comparison_id", "identity_id") `);
        await queryRunner.query(`CREATE INDEX "ix_comparison_results_student" ON "comparison_results"  ("student_id", "marked") `);
        await queryRunner.query(`CREATE INDEX "ix_comparison_results_scope_path" ON "comparison_results"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "identity_types" ADD CONSTRAINT "FK_9923c5f3b0f9375c6bc595e4b33" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "identity_lists" ADD CONSTRAINT "FK_36d9340cb47e241a3b488a23df8" FOREIGN KEY ("identity_type_id") REFERENCES "identity_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "identity_lists" ADD CONSTRAINT "FK_1154239a09380479e4e5697e132" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "identities" ADD CONSTRAINT "FK_22946868aeaab6733f80b638556" FOREIGN KEY ("list_id") REFERENCES "identity_lists"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "identities" ADD CONSTRAINT "FK_993a37a5264d32fe3c6a9fdba94" FOREIGN KEY ("identity_type_id") REFERENCES "identity_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "identities" ADD CONSTRAINT "FK_7552e60a168f7cdec2d0c0f1107" FOREIGN KEY ("household_region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comparisons" ADD CONSTRAINT "FK_748eaf52cbac1bd067b7c2d6b06" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_badef74704dabaf52a5ab75efde" FOREIGN KEY ("comparison_id") REFERENCES "comparisons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_11f782941ffc51c188e02e3b5aa" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_9d6b8277ecd6aed8391615ed3b8" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_57b2b368f37d5e0fba3b57e4677" FOREIGN KEY ("identity_type_id") REFERENCES "identity_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_c875a13403cc974b2222646ce98" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_f18aa444aceaa27b0da88a906b8" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_f18aa444aceaa27b0da88a906b8"`);
        await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_c875a13403cc974b2222646ce98"`);
        await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_57b2b368f37d5e0fba3b57e4677"`);
        await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_9d6b8277ecd6aed8391615ed3b8"`);
        await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_11f782941ffc51c188e02e3b5aa"`);
        await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_badef74704dabaf52a5ab75efde"`);
        await queryRunner.query(`ALTER TABLE "comparisons" DROP CONSTRAINT "FK_748eaf52cbac1bd067b7c2d6b06"`);
        await queryRunner.query(`ALTER TABLE "identities" DROP CONSTRAINT "FK_7552e60a168f7cdec2d0c0f1107"`);
        await queryRunner.query(`ALTER TABLE "identities" DROP CONSTRAINT "FK_993a37a5264d32fe3c6a9fdba94"`);
        await queryRunner.query(`ALTER TABLE "identities" DROP CONSTRAINT "FK_22946868aeaab6733f80b638556"`);
        await queryRunner.query(`ALTER TABLE "identity_lists" DROP CONSTRAINT "FK_1154239a09380479e4e5697e132"`);
        await queryRunner.query(`ALTER TABLE "identity_lists" DROP CONSTRAINT "FK_36d9340cb47e241a3b488a23df8"`);
        await queryRunner.query(`ALTER TABLE "identity_types" DROP CONSTRAINT "FK_9923c5f3b0f9375c6bc595e4b33"`);
        await queryRunner.query(`DROP INDEX "public"."ix_comparison_results_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_comparison_results_student"`);
        await queryRunner.query(`DROP INDEX "public"."ix_comparison_results_run"`);
        await queryRunner.query(`DROP TABLE "comparison_results"`);
        await queryRunner.query(`DROP TABLE "comparisons"`);
        await queryRunner.query(`DROP INDEX "public"."ix_identities_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_identities_id_number"`);
        await queryRunner.query(`DROP INDEX "public"."ux_identities_list_id_number"`);
        await queryRunner.query(`DROP TABLE "identities"`);
        await queryRunner.query(`DROP TABLE "identity_lists"`);
        await queryRunner.query(`DROP INDEX "public"."ux_identity_types_name"`);
        await queryRunner.query(`DROP TABLE "identity_types"`);
    }

}
