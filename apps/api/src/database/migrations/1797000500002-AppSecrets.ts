import type { MigrationInterface, QueryRunner } from "typeorm";

/** app_secrets: keys the app generates once and keeps (the login token key when JWT_SECRET is unset). */
export class AppSecrets1797000500002 implements MigrationInterface {
    name = 'AppSecrets1797000500002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "app_secrets" ("name" character varying(40) NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_app_secrets" PRIMARY KEY ("name"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "app_secrets"`);
    }

}
