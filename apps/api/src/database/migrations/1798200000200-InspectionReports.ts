import type { MigrationInterface, QueryRunner } from "typeorm";

/** An inspection's printable report: its job's state and basis (the PDF is a file), and the `inspection-report` queue, made here like the others (JobQueue1797000900000), not at start. */

export class InspectionReports1798200000200 implements MigrationInterface {
    name = 'InspectionReports1798200000200'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "inspection_reports" ("inspection_id" integer NOT NULL, "status" character varying(16) NOT NULL, "basis" character varying(32), "message" jsonb, "requested_by" integer NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_462c88c3b9b3e134f586345343e" PRIMARY KEY ("inspection_id"))`);
        await queryRunner.query(`ALTER TABLE "inspection_reports" ADD CONSTRAINT "FK_462c88c3b9b3e134f586345343e" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "inspection_reports" ADD CONSTRAINT "FK_c5469f44f579dce995e94e2d816" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`SELECT pgboss.create_queue($1, $2)`, ['inspection-report', { policy: 'standard' }]);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`SELECT pgboss.delete_queue($1)`, ['inspection-report']);
        await queryRunner.query(`ALTER TABLE "inspection_reports" DROP CONSTRAINT "FK_c5469f44f579dce995e94e2d816"`);
        await queryRunner.query(`ALTER TABLE "inspection_reports" DROP CONSTRAINT "FK_462c88c3b9b3e134f586345343e"`);
        await queryRunner.query(`DROP TABLE "inspection_reports"`);
    }

}
