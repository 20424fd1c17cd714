import { MigrationInterface, QueryRunner } from "typeorm";

export class Omissions1795329162462 implements MigrationInterface {
    name = 'Omissions1795329162462'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "omissions" ("id" SERIAL NOT NULL, "student_id" integer NOT NULL, "identity_type_id" integer NOT NULL, "reason" character varying(500) NOT NULL, "evidence" text, "status" character varying(32), "review_reason" character varying(500), "reviewed_by" integer, "reviewed_at" TIMESTAMP WITH TIME ZONE, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61740f62b789490ce9f9e2c6f63" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_omissions_student" ON "omissions"  ("student_id", "status") `);
        await queryRunner.query(`CREATE INDEX "ix_omissions_scope_path" ON "omissions"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "omissions" ADD CONSTRAINT "FK_17947141a66e78699d5aa2fec2f" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "omissions" ADD CONSTRAINT "FK_f056cbf569f82dad26d57c681dc" FOREIGN KEY ("identity_type_id") REFERENCES "identity_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "omissions" ADD CONSTRAINT "FK_86152d73600eb195c54d69a1502" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "omissions" DROP CONSTRAINT "FK_86152d73600eb195c54d69a1502"`);
        await queryRunner.query(`ALTER TABLE "omissions" DROP CONSTRAINT "FK_f056cbf569f82dad26d57c681dc"`);
        await queryRunner.query(`ALTER TABLE "omissions" DROP CONSTRAINT "FK_17947141a66e78699d5aa2fec2f"`);
        await queryRunner.query(`DROP INDEX "public"."ix_omissions_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_omissions_student"`);
        await queryRunner.query(`DROP TABLE "omissions"`);
    }

}
