import type { MigrationInterface, QueryRunner } from "typeorm";

/** A school's students in the default order (newest first) come from one index range. */
export class StudentsBySchoolAndId1799400000000 implements MigrationInterface {
    name = 'StudentsBySchoolAndId1799400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_students_school_id" ON "students" ("school_id", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_students_school_id"`);
    }
}
