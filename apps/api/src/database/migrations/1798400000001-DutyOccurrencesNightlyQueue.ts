import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The nightly duty-occurrence run's queue, made here like the others (JobQueue1797000900000), not at start. */
export class DutyOccurrencesNightlyQueue1798400000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pgboss.create_queue($1, $2)`, ['duty-occurrences-nightly', { policy: 'standard' }]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pgboss.delete_queue($1)`, ['duty-occurrences-nightly']);
  }
}
