import { EntitySchema } from 'typeorm';

const count = (name: string) => ({ name, type: 'integer' as const, default: 0 });

/**
 * A run's summary, one row per region-tree node (city › county › township › school) ×
 * stage (null: all stages) × identity type (null: all types, a student counted once).
 * Written by the run (replaced on a re-run), read by `GET /comparisons/:id/summary/tree`.
 * Internal: not a resource; `node_path` is the node's scope path, so readers see their subtree.
 */
export const comparisonSummaryRowEntity = new EntitySchema<Record<string, unknown>>({
  name: 'comparison_summary_row',
  tableName: 'comparison_summary_rows',
  columns: {
    id: { name: 'id', type: 'integer', primary: true, generated: 'increment' },
    comparisonId: { name: 'comparison_id', type: 'integer' },
    level: { name: 'level', type: 'varchar', length: 16 },
    nodeId: { name: 'node_id', type: 'varchar', length: 20 },
    nodeName: { name: 'node_name', type: 'varchar', length: 100 },
    parentId: { name: 'parent_id', type: 'varchar', length: 20, nullable: true },
    nodePath: { name: 'node_path', type: 'varchar', length: 200, collation: 'C' },
    stage: { name: 'stage', type: 'varchar', length: 32, nullable: true },
    identityTypeId: { name: 'identity_type_id', type: 'integer', nullable: true },
    studentsCompared: count('students_compared'),
    studentsFound: count('students_found'),
    matched: count('matched'),
    questionable: count('questionable'),
    marked: count('marked'),
    unmatched: count('unmatched'),
  },
  relations: {
    comparisonRef: { type: 'many-to-one', target: 'comparisons', joinColumn: { name: 'comparison_id' }, onDelete: 'CASCADE' },
  },
  indices: [
    { name: 'ix_comparison_summary_parent', columns: ['comparisonId', 'parentId'] },
    { name: 'ix_comparison_summary_node', columns: ['comparisonId', 'nodeId'] },
  ],
});
