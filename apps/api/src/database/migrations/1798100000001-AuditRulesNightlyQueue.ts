import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The nightly audit-rule run's queue, made here like the others (JobQueue1797000900000), not at start. */
export class AuditRulesNightlyQueue1798100000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pgboss.create_queue($1, $2)`, ['audit-rules-nightly', { policy: 'standard' }]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pgboss.delete_queue($1)`, ['audit-rules-nightly']);
  }
}
