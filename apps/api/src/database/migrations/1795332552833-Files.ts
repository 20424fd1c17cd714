import { MigrationInterface, QueryRunner } from "typeorm";

export class Files1795332552833 implements MigrationInterface {
    name = 'Files1795332552833'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "files" ("id" SERIAL NOT NULL, "name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character varying(64) NOT NULL, "uploaded_by" integer NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resource" character varying(40), "record_id" character varying(40), "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_files_record" ON "files"  ("resource", "record_id") `);
        await queryRunner.query(`CREATE INDEX "ix_files_scope_path" ON "files"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "file_contents" ("file_id" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_f56db5b438dffddab17036f4f47" PRIMARY KEY ("file_id"))`);
        await queryRunner.query(`ALTER TABLE "comparison_results" ADD "evidence_file_id" integer`);
        await queryRunner.query(`ALTER TABLE "omissions" ADD "evidence_file_id" integer`);
        await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "FK_0c6347e53b44f10fbe1ed22ae5f" FOREIGN KEY ("evidence_file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "omissions" ADD CONSTRAINT "FK_a07dd3fc30d4f912ab5adfe9135" FOREIGN KEY ("evidence_file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "files" ADD CONSTRAINT "FK_63c92c51cd7fd95c2d79d709b61" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "file_contents" ADD CONSTRAINT "FK_f56db5b438dffddab17036f4f47" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "file_contents" DROP CONSTRAINT "FK_f56db5b438dffddab17036f4f47"`);
        await queryRunner.query(`ALTER TABLE "files" DROP CONSTRAINT "FK_63c92c51cd7fd95c2d79d709b61"`);
        await queryRunner.query(`ALTER TABLE "omissions" DROP CONSTRAINT "FK_a07dd3fc30d4f912ab5adfe9135"`);
        await queryRunner.query(`ALTER TABLE "comparison_results" DROP CONSTRAINT "FK_0c6347e53b44f10fbe1ed22ae5f"`);
        await queryRunner.query(`ALTER TABLE "omissions" DROP COLUMN "evidence_file_id"`);
        await queryRunner.query(`ALTER TABLE "comparison_results" DROP COLUMN "evidence_file_id"`);
        await queryRunner.query(`DROP TABLE "file_contents"`);
        await queryRunner.query(`DROP INDEX "public"."ix_files_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_files_record"`);
        await queryRunner.query(`DROP TABLE "files"`);
    }

}
