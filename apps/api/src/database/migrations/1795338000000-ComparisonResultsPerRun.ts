import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Constraints and indexes of comparison_results, as the declaration derives them. */
const INDEXES = [
  `CREATE INDEX "ix_comparison_results_run" ON "comparison_results" ("comparison_id", "identity_id")`,
  `CREATE INDEX "ix_comparison_results_student" ON "comparison_results" ("student_id", "marked")`,
  `CREATE INDEX "ix_comparison_results_scope_path" ON "comparison_results" ("scope_path", "id")`,
];
const FOREIGN_KEYS = [
  ['FK_badef74704dabaf52a5ab75efde', 'comparison_id', 'comparisons'],
  ['FK_11f782941ffc51c188e02e3b5aa', 'student_id', 'students'],
  ['FK_9d6b8277ecd6aed8391615ed3b8', 'identity_id', 'identities'],
  ['FK_57b2b368f37d5e0fba3b57e4677', 'identity_type_id', 'identity_types'],
  ['FK_c875a13403cc974b2222646ce98', 'region_id', 'regions'],
  ['FK_0c6347e53b44f10fbe1ed22ae5f', 'evidence_file_id', 'files'],
  ['FK_f18aa444aceaa27b0da88a906b8', 'decided_by', 'users'],
].map(
  ([name, column, target]) =>
    `ALTER TABLE "comparison_results" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
);

/**
 * comparison_results becomes list-partitioned by run: a run's first results are built as
 * a plain table and attached, so their indexes are built by sorting and their foreign keys
 * checked by one join each, instead of per-row index inserts and per-row trigger checks
 * (about 40 s for a million results). Existing results move to one partition per run.
 * The primary key becomes (id, comparison_id), as partitioning requires.
 */
export class ComparisonResultsPerRun1795338000000 implements MigrationInterface {
  name = 'ComparisonResultsPerRun1795338000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.setAside(queryRunner, 'PK_52c19a953e263febff431d584e6');
    await queryRunner.query(`CREATE TABLE "comparison_results" (LIKE "comparison_results_flat" INCLUDING DEFAULTS) PARTITION BY LIST ("comparison_id")`);
    await queryRunner.query(`ALTER SEQUENCE "comparison_results_id_seq" OWNED BY "comparison_results"."id"`);
    await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "PK_d7757ab7d4b2ed930bcb8517cc3" PRIMARY KEY ("id", "comparison_id")`);
    for (const sql of [...INDEXES, ...FOREIGN_KEYS]) await queryRunner.query(sql);
    const runs: { id: number }[] = await queryRunner.query(`SELECT DISTINCT comparison_id AS id FROM "comparison_results_flat" ORDER BY 1`);
    for (const { id } of runs) {
      await queryRunner.query(`CREATE TABLE "comparison_results_${Number(id)}" PARTITION OF "comparison_results" FOR VALUES IN (${Number(id)})`);
    }
    await queryRunner.query(`INSERT INTO "comparison_results" SELECT * FROM "comparison_results_flat"`);
    await queryRunner.query(`DROP TABLE "comparison_results_flat"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.setAside(queryRunner, 'PK_d7757ab7d4b2ed930bcb8517cc3');
    await queryRunner.query(`CREATE TABLE "comparison_results" (LIKE "comparison_results_flat" INCLUDING DEFAULTS)`);
    await queryRunner.query(`ALTER SEQUENCE "comparison_results_id_seq" OWNED BY "comparison_results"."id"`);
    await queryRunner.query(`INSERT INTO "comparison_results" SELECT * FROM "comparison_results_flat"`);
    await queryRunner.query(`ALTER TABLE "comparison_results" ADD CONSTRAINT "PK_52c19a953e263febff431d584e6" PRIMARY KEY ("id")`);
    for (const sql of [...INDEXES, ...FOREIGN_KEYS]) await queryRunner.query(sql);
    await queryRunner.query(`DROP TABLE "comparison_results_flat"`);
  }

  /** Renames the table and its indexes out of the way (index names are schema-wide). */
  private async setAside(queryRunner: QueryRunner, primaryKey: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comparison_results" RENAME TO "comparison_results_flat"`);
    await queryRunner.query(`ALTER INDEX "${primaryKey}" RENAME TO "comparison_results_flat_pk"`);
    for (const name of ['run', 'student', 'scope_path']) {
      await queryRunner.query(`ALTER INDEX "ix_comparison_results_${name}" RENAME TO "comparison_results_flat_${name}"`);
    }
  }
}
