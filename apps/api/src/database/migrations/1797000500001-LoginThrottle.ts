import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * login_attempts: failed-login counters of rate-limiter-flexible's RateLimiterPostgres, in
 * the layout it expects (key with its limiter's prefix, points, expiry in epoch ms). Not a
 * declared resource: nobody lists or edits it, and expired rows are swept by the limiter.
 */
export class LoginThrottle1797000500001 implements MigrationInterface {
    name = 'LoginThrottle1797000500001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "login_attempts" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_login_attempts" PRIMARY KEY ("key"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "login_attempts"`);
    }

}
