import { EntitySchema } from 'typeorm';

const count = (name: string) => ({ name, type: 'integer' as const, default: 0 });

/**
 * What one execution of a run found and changed, per scope path its results were filed
 * under (a school, or the region an unmatched person was filed at). A reader from below
 * the run's region sees the sums over their subtree, never the run's city-wide figures.
 * Internal: not a resource; written with the execution line, deleted with it.
 */
export const comparisonExecutionCountEntity = new EntitySchema<Record<string, unknown>>({
  name: 'comparison_execution_count',
  tableName: 'comparison_execution_counts',
  columns: {
    executionId: { name: 'execution_id', type: 'integer', primary: true },
    scopePath: { name: 'scope_path', type: 'varchar', length: 200, collation: 'C', primary: true },
    identities: count('identities'),
    matched: count('matched'),
    questionable: count('questionable'),
    unmatched: count('unmatched'),
    added: count('added'),
    changed: count('changed'),
    removed: count('removed'),
  },
  relations: {
    executionRef: { type: 'many-to-one', target: 'comparison_executions', joinColumn: { name: 'execution_id' }, onDelete: 'CASCADE' },
  },
});
