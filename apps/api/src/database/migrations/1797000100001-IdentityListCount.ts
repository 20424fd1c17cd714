import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * identity_lists.identity_count (人数): how many people a list holds, for pickers that tell
 * lists apart. Kept by a statement-level trigger on identities, whatever writes them (the
 * form, an import's set-based commit): each statement adds its net change per list, so
 * concurrent writers to one list add up instead of overwriting each other's count.
 */
export class IdentityListCount1797000100001 implements MigrationInterface {
    name = 'IdentityListCount1797000100001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "identity_lists" ADD "identity_count" integer`);
        await queryRunner.query(`UPDATE identity_lists l SET identity_count = (SELECT count(*) FROM identities i WHERE i.list_id = l.id)`);
        await queryRunner.query(`
CREATE FUNCTION identity_lists_count_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch reads only the transition tables its trigger declares.
  IF TG_OP = 'INSERT' THEN
    UPDATE identity_lists l SET identity_count = COALESCE(l.identity_count, 0) + d.n
      FROM (SELECT list_id, count(*)::int AS n FROM new_rows GROUP BY list_id) d WHERE l.id = d.list_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE identity_lists l SET identity_count = COALESCE(l.identity_count, 0) - d.n
      FROM (SELECT list_id, count(*)::int AS n FROM old_rows GROUP BY list_id) d WHERE l.id = d.list_id;
  ELSE
    UPDATE identity_lists l SET identity_count = COALESCE(l.identity_count, 0) + d.n
      FROM (SELECT list_id, sum(n)::int AS n
              FROM (SELECT list_id, 1 AS n FROM new_rows UNION ALL SELECT list_id, -1 FROM old_rows) moved
             GROUP BY list_id HAVING sum(n) <> 0) d
     WHERE l.id = d.list_id;
  END IF;
  RETURN NULL;
END $$`);
        await queryRunner.query(`CREATE TRIGGER identities_count_insert AFTER INSERT ON identities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_lists_count_people()`);
        await queryRunner.query(`CREATE TRIGGER identities_count_delete AFTER DELETE ON identities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_lists_count_people()`);
        await queryRunner.query(`CREATE TRIGGER identities_count_update AFTER UPDATE ON identities REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION identity_lists_count_people()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER identities_count_update ON identities`);
        await queryRunner.query(`DROP TRIGGER identities_count_delete ON identities`);
        await queryRunner.query(`DROP TRIGGER identities_count_insert ON identities`);
        await queryRunner.query(`DROP FUNCTION identity_lists_count_people()`);
        await queryRunner.query(`ALTER TABLE "identity_lists" DROP COLUMN "identity_count"`);
    }

}
