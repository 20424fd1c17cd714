import type { MigrationInterface, QueryRunner } from "typeorm";

/** Who acts at a roster's current step (role and level), so "waiting for me" is a plain list filter. */
export class RosterStepActor1797000800001 implements MigrationInterface {
    name = 'RosterStepActor1797000800001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rosters" ADD "step_role" character varying(32)`);
        await queryRunner.query(`ALTER TABLE "rosters" ADD "step_level" character varying(32)`);
        await queryRunner.query(`UPDATE "rosters" SET "step_role" = "approval_steps" -> "step_index" ->> 'role', "step_level" = "approval_steps" -> "step_index" ->> 'level' WHERE "status" IN ('draft', 'returned', 'inReview')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rosters" DROP COLUMN "step_level"`);
        await queryRunner.query(`ALTER TABLE "rosters" DROP COLUMN "step_role"`);
    }

}
