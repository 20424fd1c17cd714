import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clues get a workflow: the school answers (verdict, finding, rectification, evidence files),
 * the county accepts or returns. Old statuses map onto it: 属实 → answered (confirmed),
 * 不属实 → closed (unfounded), 已整改 → closed (confirmed).
 */
export class ClueWorkflow1797000300001 implements MigrationInterface {
    name = 'ClueWorkflow1797000300001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "clues" ADD "verdict" character varying(32)`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "rectification" text`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "evidence_file_id" integer`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "rectification_file_id" integer`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "answered_by" integer`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "answered_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "review_comment" text`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "reviewed_by" integer`);
        await queryRunner.query(`ALTER TABLE "clues" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_1879c88967e8d5b591742d72dea" FOREIGN KEY ("evidence_file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_da55958aaafc5d5a8b3223ccb1a" FOREIGN KEY ("rectification_file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_de9052c7c6ca8314cc182d73acc" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clues" ADD CONSTRAINT "FK_08615b932a3ab333791c253d4ad" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`UPDATE "clues" SET verdict = CASE WHEN status = 'verifiedFalse' THEN 'unfounded' ELSE 'confirmed' END,
                                        status = CASE WHEN status = 'verifiedTrue' THEN 'answered' ELSE 'closed' END
                                  WHERE status IN ('verifiedTrue', 'verifiedFalse', 'rectified')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "clues" SET status = CASE
                                   WHEN status = 'answered' AND verdict = 'confirmed' THEN 'verifiedTrue'
                                   WHEN status IN ('answered', 'closed') AND verdict = 'unfounded' THEN 'verifiedFalse'
                                   WHEN status = 'closed' THEN 'rectified'
                                   ELSE 'open' END`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_08615b932a3ab333791c253d4ad"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_de9052c7c6ca8314cc182d73acc"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_da55958aaafc5d5a8b3223ccb1a"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP CONSTRAINT "FK_1879c88967e8d5b591742d72dea"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "reviewed_at"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "reviewed_by"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "review_comment"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "answered_at"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "answered_by"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "rectification_file_id"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "evidence_file_id"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "rectification"`);
        await queryRunner.query(`ALTER TABLE "clues" DROP COLUMN "verdict"`);
    }

}
