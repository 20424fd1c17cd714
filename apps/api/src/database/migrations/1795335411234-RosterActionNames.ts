import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RosterActionNames1795335411234 implements MigrationInterface {
  name = 'RosterActionNames1795335411234';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "roster_actions" ADD "acted_by_name" character varying(100)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "roster_actions" DROP COLUMN "acted_by_name"`);
  }
}
