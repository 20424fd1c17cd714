import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 线索办理记录: one row per step of a clue's workflow (answer, return, accept). */
export class ClueActions1797000300002 implements MigrationInterface {
    name = 'ClueActions1797000300002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "clue_actions" ("id" SERIAL NOT NULL, "clue_id" integer, "action" character varying(32), "comment" text, "acted_by" integer, "acted_by_name" character varying(100), "acted_at" TIMESTAMP WITH TIME ZONE, "scope_path" character varying(200) COLLATE "C" NOT NULL, CONSTRAINT "PK_a29a6be68150e4e36961a5e302b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_clue_actions_clue" ON "clue_actions"  ("clue_id", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_clue_actions_scope_path" ON "clue_actions"  ("scope_path", "id") `);
        await queryRunner.query(`ALTER TABLE "clue_actions" ADD CONSTRAINT "FK_df0d2b284820deff0693d3ef4ec" FOREIGN KEY ("clue_id") REFERENCES "clues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clue_actions" ADD CONSTRAINT "FK_a92aed4ade41fb2383ae34c95c0" FOREIGN KEY ("acted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "clue_actions" DROP CONSTRAINT "FK_a92aed4ade41fb2383ae34c95c0"`);
        await queryRunner.query(`ALTER TABLE "clue_actions" DROP CONSTRAINT "FK_df0d2b284820deff0693d3ef4ec"`);
        await queryRunner.query(`DROP INDEX "public"."ix_clue_actions_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_clue_actions_clue"`);
        await queryRunner.query(`DROP TABLE "clue_actions"`);
    }

}
