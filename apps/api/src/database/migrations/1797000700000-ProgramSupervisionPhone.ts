import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 监督电话: the program's phone for objections, printed on every 公示 notice. */
export class ProgramSupervisionPhone1797000700000 implements MigrationInterface {
  name = 'ProgramSupervisionPhone1797000700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" ADD "supervision_phone" character varying(20)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "supervision_phone"`);
  }
}
