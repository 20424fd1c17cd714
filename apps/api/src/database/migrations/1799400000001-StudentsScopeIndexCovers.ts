import type { MigrationInterface, QueryRunner } from "typeorm";

/** The scope index carries the columns lists filter on, so an officer's filter is checked in the index. */
export class StudentsScopeIndexCovers1799400000001 implements MigrationInterface {
    name = 'StudentsScopeIndexCovers1799400000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_students_scope_path"`);
        await queryRunner.query(`CREATE INDEX "ix_students_scope_path" ON "students" ("scope_path", "id", "name", "stage", "grade", "class_name", "status", "gender", "household_region_id", "boarding") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_students_scope_path"`);
        await queryRunner.query(`CREATE INDEX "ix_students_scope_path" ON "students" ("scope_path", "id") `);
    }
}
