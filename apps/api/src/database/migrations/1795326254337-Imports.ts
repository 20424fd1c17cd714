import { MigrationInterface, QueryRunner } from "typeorm";

export class Imports1795326254337 implements MigrationInterface {
    name = 'Imports1795326254337'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "imports" ("id" SERIAL NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" integer NOT NULL, "resource" character varying(40) NOT NULL, "file_name" character varying(255) NOT NULL, "mode" character varying(32) NOT NULL, "status" character varying(32) NOT NULL, "all_or_nothing" boolean NOT NULL DEFAULT false, "counts" jsonb, "progress" jsonb, "mapping" jsonb, "message" jsonb, "finished_at" TIMESTAMP WITH TIME ZONE, "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_imports_scope_path" ON "imports"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "import_rows" ("import_id" integer NOT NULL, "row_number" integer NOT NULL, "raw" jsonb NOT NULL, "data" jsonb, "business_key" character varying(200), "scope_path" character varying(200) COLLATE "C", CONSTRAINT "PK_91bb5e34a40913867fcc14d42bc" PRIMARY KEY ("import_id", "row_number"))`);
        await queryRunner.query(`CREATE INDEX "ix_import_rows_key" ON "import_rows"  ("import_id", "business_key") `);
        await queryRunner.query(`CREATE TABLE "import_errors" ("id" SERIAL NOT NULL, "import_id" integer NOT NULL, "row_number" integer NOT NULL, "column_header" character varying(255) NOT NULL, "stage" character varying(8) NOT NULL, "message_zh" text NOT NULL, "message_en" text NOT NULL, CONSTRAINT "PK_c65e36717920cb27df5578dc5ee" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_import_errors_row" ON "import_errors"  ("import_id", "row_number") `);
        await queryRunner.query(`ALTER TABLE "audit_log" ADD "import_id" integer`);
        await queryRunner.query(`ALTER TABLE "audit_log" ADD CONSTRAINT "FK_6a8aaea23f0c4933120cd1d135b" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "imports" ADD CONSTRAINT "FK_03e69994a0b9e3084b4790f8d7b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "import_rows" ADD CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "import_errors" ADD CONSTRAINT "FK_9926b1b4a42a17f2792b7852176" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "import_errors" DROP CONSTRAINT "FK_9926b1b4a42a17f2792b7852176"`);
        await queryRunner.query(`ALTER TABLE "import_rows" DROP CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f"`);
        await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "FK_03e69994a0b9e3084b4790f8d7b"`);
        await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "FK_6a8aaea23f0c4933120cd1d135b"`);
        await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "import_id"`);
        await queryRunner.query(`DROP INDEX "public"."ix_import_errors_row"`);
        await queryRunner.query(`DROP TABLE "import_errors"`);
        await queryRunner.query(`DROP INDEX "public"."ix_import_rows_key"`);
        await queryRunner.query(`DROP TABLE "import_rows"`);
        await queryRunner.query(`DROP INDEX "public"."ix_imports_scope_path"`);
        await queryRunner.query(`DROP TABLE "imports"`);
    }

}
