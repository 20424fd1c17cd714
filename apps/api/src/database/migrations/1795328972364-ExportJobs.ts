import { MigrationInterface, QueryRunner } from "typeorm";

export class ExportJobs1795328972364 implements MigrationInterface {
    name = 'ExportJobs1795328972364'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "export_jobs" ("id" SERIAL NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" integer NOT NULL, "resource" character varying(40) NOT NULL, "format" character varying(32) NOT NULL, "encoding" character varying(16) NOT NULL, "file_name" character varying(255) NOT NULL, "status" character varying(32) NOT NULL, "progress" jsonb, "message" jsonb, "finished_at" TIMESTAMP WITH TIME ZONE, "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_3044ce6f1c6af24058ee609e063" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_export_jobs_scope_path" ON "export_jobs"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "export_jobs" ADD CONSTRAINT "FK_0bf2b497d2b36f3054155c190aa" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "export_jobs" DROP CONSTRAINT "FK_0bf2b497d2b36f3054155c190aa"`);
        await queryRunner.query(`DROP INDEX "public"."ix_export_jobs_scope_path"`);
        await queryRunner.query(`DROP TABLE "export_jobs"`);
    }

}
