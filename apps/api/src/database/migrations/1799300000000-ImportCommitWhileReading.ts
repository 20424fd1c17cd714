import type { MigrationInterface, QueryRunner } from "typeorm";

/** An import may be read, checked and written in one pass (no preview): its record says so. */
export class ImportCommitWhileReading1799300000000 implements MigrationInterface {
    name = 'ImportCommitWhileReading1799300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "imports" ADD "commit_while_reading" boolean NOT NULL DEFAULT false`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "imports" DROP COLUMN "commit_while_reading"`);
    }
}
