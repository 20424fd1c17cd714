import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rosters record when the school submitted them and whether that was after the deadline. */
export class RosterSubmittedLate1797000300000 implements MigrationInterface {
    name = 'RosterSubmittedLate1797000300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rosters" ADD "submitted_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "rosters" ADD "submitted_late" boolean NOT NULL DEFAULT false`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rosters" DROP COLUMN "submitted_late"`);
        await queryRunner.query(`ALTER TABLE "rosters" DROP COLUMN "submitted_at"`);
    }

}
