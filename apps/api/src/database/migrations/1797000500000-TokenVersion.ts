import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * users.token_version: login tokens carry it and are refused once it moves. A trigger
 * raises it whenever a password, a role or the active flag (to inactive) changes, whoever
 * writes the row (the generic PUT, an import, plain SQL). A password rehash at login sets
 * `zizhu.keep_sessions` in its transaction: the password stays the same, so do the sessions.
 */
export class TokenVersion1797000500000 implements MigrationInterface {
    name = 'TokenVersion1797000500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer`);
        await queryRunner.query(`UPDATE "users" SET "token_version" = 0`);
        await queryRunner.query(`
            CREATE FUNCTION users_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF current_setting('zizhu.keep_sessions', true) = 'on' THEN
                    RETURN NEW;
                END IF;
                IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
                   OR NEW.role IS DISTINCT FROM OLD.role
                   OR (OLD.active AND NOT NEW.active) THEN
                    NEW.token_version := COALESCE(OLD.token_version, 0) + 1;
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER "users_token_version" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION users_bump_token_version()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "users_token_version" ON "users"`);
        await queryRunner.query(`DROP FUNCTION users_bump_token_version()`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
    }

}
