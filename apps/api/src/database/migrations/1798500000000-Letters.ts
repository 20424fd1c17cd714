import type { MigrationInterface, QueryRunner } from "typeorm";

/** The queues of letter generation and of large letter PDFs, made here like the others (JobQueue1797000900000). */
const QUEUES = ['letter-generate', 'letter-batch-pdf'];

/**
 * Letters to families and the families' aid query: letter runs (a declared resource), each
 * letter's frozen 回执 text; and three tables no resource declares — a school's prepared
 * letter PDF (`letter_batch_files`), the aid query's rate-limit counters (rate-limiter-
 * flexible's RateLimiterPostgres layout, as login_attempts) and its log (hashed ID numbers
 * only, never the number itself).
 */
export class Letters1798500000000 implements MigrationInterface {
    name = 'Letters1798500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "letter_runs" ("id" SERIAL NOT NULL, "region_id" character varying(12), "school_id" integer, "year" integer NOT NULL, "term" character varying(32) NOT NULL, "template_id" integer NOT NULL, "status" character varying(32) NOT NULL, "progress" jsonb, "counts" jsonb, "message" jsonb, "started_by" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_3b488465594922b1c555985ae31" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_letter_runs_scope_path" ON "letter_runs"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "letters" ADD "receipt" text`);
        await queryRunner.query(`ALTER TABLE "letter_runs" ADD CONSTRAINT "FK_33cc42cdeeff38bc7352a509f67" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letter_runs" ADD CONSTRAINT "FK_65d0b30debdbf3a5da7129c40b9" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letter_runs" ADD CONSTRAINT "FK_5af391bf72cbb59e79ec36e2596" FOREIGN KEY ("template_id") REFERENCES "letter_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "letter_runs" ADD CONSTRAINT "FK_744f28308b22c24559168f6cab6" FOREIGN KEY ("started_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "letter_batch_files" ("id" SERIAL NOT NULL, "school_id" integer NOT NULL REFERENCES "schools"("id") ON DELETE CASCADE, "year" integer NOT NULL, "term" character varying(32) NOT NULL, "status" character varying(16) NOT NULL, "letters" integer NOT NULL, "fingerprint" character varying(64) NOT NULL, "progress" jsonb, "error" jsonb, "requested_by" integer NOT NULL REFERENCES "users"("id") ON DELETE RESTRICT, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_letter_batch_files" PRIMARY KEY ("id"), CONSTRAINT "UQ_letter_batch_files_school_term" UNIQUE ("school_id", "year", "term"))`);
        await queryRunner.query(`CREATE TABLE "aid_query_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_aid_query_limits" PRIMARY KEY ("key"))`);
        await queryRunner.query(`CREATE TABLE "aid_query_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "address" character varying(64) NOT NULL, "id_number_hash" character varying(64), "outcome" character varying(32) NOT NULL, "student_id" integer, CONSTRAINT "PK_aid_query_log" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_aid_query_log_at" ON "aid_query_log" ("at")`);
        await queryRunner.query(`CREATE INDEX "ix_aid_query_log_id_number_hash" ON "aid_query_log" ("id_number_hash", "at")`);
        for (const queue of QUEUES) await queryRunner.query(`SELECT pgboss.create_queue($1, $2)`, [queue, { policy: 'standard' }]);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const queue of QUEUES) await queryRunner.query(`SELECT pgboss.delete_queue($1)`, [queue]);
        await queryRunner.query(`DROP TABLE "aid_query_log"`);
        await queryRunner.query(`DROP TABLE "aid_query_limits"`);
        await queryRunner.query(`DROP TABLE "letter_batch_files"`);
        await queryRunner.query(`ALTER TABLE "letter_runs" DROP CONSTRAINT "FK_744f28308b22c24559168f6cab6"`);
        await queryRunner.query(`ALTER TABLE "letter_runs" DROP CONSTRAINT "FK_5af391bf72cbb59e79ec36e2596"`);
        await queryRunner.query(`ALTER TABLE "letter_runs" DROP CONSTRAINT "FK_65d0b30debdbf3a5da7129c40b9"`);
        await queryRunner.query(`ALTER TABLE "letter_runs" DROP CONSTRAINT "FK_33cc42cdeeff38bc7352a509f67"`);
        await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "receipt"`);
        await queryRunner.query(`DROP INDEX "public"."ix_letter_runs_scope_path"`);
        await queryRunner.query(`DROP TABLE "letter_runs"`);
    }

}
