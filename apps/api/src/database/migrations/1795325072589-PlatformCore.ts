import { MigrationInterface, QueryRunner } from "typeorm";

export class PlatformCore1795325072589 implements MigrationInterface {
    name = 'PlatformCore1795325072589'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "regions" ("id" character varying(12) NOT NULL, "name" character varying(50) COLLATE "C" NOT NULL, "level" character varying(32) NOT NULL, "parent_id" character varying(12), "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "schools" ("id" SERIAL NOT NULL, "code" character varying(10) NOT NULL, "name" character varying(100) COLLATE "C" NOT NULL, "region_id" character varying(12) NOT NULL, "stages" character varying(32) array NOT NULL DEFAULT '{}', "ownership" character varying(32) NOT NULL, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_95b932e47ac129dd8e23a0db548" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_schools_code" ON "schools"  ("code") `);
        await queryRunner.query(`CREATE TABLE "students" ("id" SERIAL NOT NULL, "id_number" character varying(18) NOT NULL, "name" character varying(50) COLLATE "C" NOT NULL, "gender" character varying(32), "birth_date" date, "school_id" integer NOT NULL, "stage" character varying(32) NOT NULL, "grade" character varying(20), "class_name" character varying(20), "status" character varying(32) NOT NULL, "household_region_id" character varying(12), "boarding" boolean NOT NULL DEFAULT false, "guardian_name" character varying(50), "phone" character varying(20), "bank_account" character varying(32), "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d7f07271ad4ce999880713f05e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_students_id_number" ON "students"  ("id_number") `);
        await queryRunner.query(`CREATE INDEX "ix_students_name" ON "students"  ("name", "id", "scope_path") `);
        await queryRunner.query(`CREATE INDEX "ix_students_stage_scope" ON "students"  ("stage", "scope_path") `);
        await queryRunner.query(`CREATE INDEX "ix_students_school_name" ON "students"  ("school_id", "name", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_students_scope_path" ON "students"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "users" ("id" SERIAL NOT NULL, "username" character varying(40) COLLATE "C" NOT NULL, "display_name" character varying(50) COLLATE "C" NOT NULL, "role" character varying(32) NOT NULL, "region_id" character varying(12), "school_id" integer, "password_hash" character varying(255), "active" boolean NOT NULL DEFAULT true, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_users_username" ON "users"  ("username") `);
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" SERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" integer, "action" character varying(32) NOT NULL, "resource" character varying(40) NOT NULL, "record_id" character varying(40) NOT NULL, "before" jsonb, "after" jsonb, "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_audit_log_record" ON "audit_log"  ("resource", "record_id", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_log_scope_path" ON "audit_log"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "regions" ADD CONSTRAINT "FK_b1dc15f575548116575b521d8de" FOREIGN KEY ("parent_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "schools" ADD CONSTRAINT "FK_34c5b9042783fd87b444bd4b4ab" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "students" ADD CONSTRAINT "FK_aa8edc7905ad764f85924569647" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "students" ADD CONSTRAINT "FK_737720b27a3a5fe69c3f369c66e" FOREIGN KEY ("household_region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_1901e9aae03c8897b7dd460c27f" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_25e1cf8f41bae2f3d11f3c2a028" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_log" ADD CONSTRAINT "FK_cb11bd5b662431ea0ac455a27d7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "FK_cb11bd5b662431ea0ac455a27d7"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_25e1cf8f41bae2f3d11f3c2a028"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_1901e9aae03c8897b7dd460c27f"`);
        await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "FK_737720b27a3a5fe69c3f369c66e"`);
        await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "FK_aa8edc7905ad764f85924569647"`);
        await queryRunner.query(`ALTER TABLE "schools" DROP CONSTRAINT "FK_34c5b9042783fd87b444bd4b4ab"`);
        await queryRunner.query(`ALTER TABLE "regions" DROP CONSTRAINT "FK_b1dc15f575548116575b521d8de"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_log_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_log_record"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
        await queryRunner.query(`DROP INDEX "public"."ux_users_username"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP INDEX "public"."ix_students_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_students_school_name"`);
        await queryRunner.query(`DROP INDEX "public"."ix_students_stage_scope"`);
        await queryRunner.query(`DROP INDEX "public"."ix_students_name"`);
        await queryRunner.query(`DROP INDEX "public"."ux_students_id_number"`);
        await queryRunner.query(`DROP TABLE "students"`);
        await queryRunner.query(`DROP INDEX "public"."ux_schools_code"`);
        await queryRunner.query(`DROP TABLE "schools"`);
        await queryRunner.query(`DROP TABLE "regions"`);
    }

}
