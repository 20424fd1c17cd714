import { EntitySchema } from 'typeorm';

/**
 * One row per record an import wrote: the import's single audit entry (`audit_log`, resource
 * `imports`) names who, which file, which mode and the counts; this narrow link says which
 * records it wrote and how. An updated record keeps its before-image here (personal data
 * masked, like any audit snapshot); an inserted one needs none (as imported, it is the
 * "before" of its next audited change). Written set-based by the commit's own statements.
 * Its key (resource, record id, import) is its only index; no foreign key to `imports` (a
 * trigger call per written row; imports are never deleted).
 */
export const importRecordEntity = new EntitySchema<Record<string, unknown>>({
  name: 'import_record',
  tableName: 'import_records',
  columns: {
    // Key in this order: a record's history reads its links by (resource, record id).
    resource: { name: 'resource', type: 'varchar', length: 40, primary: true },
    recordId: { name: 'record_id', type: 'varchar', length: 40, primary: true },
    importId: { name: 'import_id', type: 'integer', primary: true },
    /** `inserted` or `updated`. */
    outcome: { name: 'outcome', type: 'varchar', length: 8 },
    /** The stored values the import replaced (updates only; masked like audit snapshots). */
    before: { name: 'before', type: 'jsonb', nullable: true },
  },
});
