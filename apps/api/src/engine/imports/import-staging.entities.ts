import { EntitySchema } from 'typeorm';

/** Rows of an uploaded file, parsed and validated, waiting for their commit. Internal:
 * not a resource; read through the import job's endpoints. Scratch data on the load path
 * of million-row files: no foreign key to `imports` (a trigger call per COPYed row), and
 * the cells kept as JSON text (see the LeanImportStaging migration). */
export const importRowEntity = new EntitySchema<Record<string, unknown>>({
  name: 'import_row',
  tableName: 'import_rows',
  columns: {
    importId: { name: 'import_id', type: 'integer', primary: true },
    rowNumber: { name: 'row_number', type: 'integer', primary: true },
    /** The row's cells, as the file had them, as JSON text (read back whole for the error workbook). */
    raw: { name: 'raw', type: 'text' },
    /** Validated values keyed by field, as the API stores them; null when invalid. */
    data: { name: 'data', type: 'jsonb', nullable: true },
    /** Business key value, for duplicate detection and matching existing records. */
    businessKey: { name: 'business_key', type: 'varchar', length: 200, nullable: true },
    scopePath: { name: 'scope_path', type: 'varchar', length: 200, nullable: true, collation: 'C' },
  },
  indices: [{ name: 'ix_import_rows_key', columns: ['importId', 'businessKey'] }],
});

export const importErrorEntity = new EntitySchema<Record<string, unknown>>({
  name: 'import_error',
  tableName: 'import_errors',
  columns: {
    id: { name: 'id', type: 'integer', primary: true, generated: 'increment' },
    importId: { name: 'import_id', type: 'integer' },
    rowNumber: { name: 'row_number', type: 'integer' },
    column: { name: 'column_header', type: 'varchar', length: 255 },
    /** 'row' = found while reading the row; 'match' = found comparing with stored data
     * (recomputed at commit, so it is cleared and found again). */
    stage: { name: 'stage', type: 'varchar', length: 8 },
    messageZh: { name: 'message_zh', type: 'text' },
    messageEn: { name: 'message_en', type: 'text' },
  },
  relations: {
    importRef: { type: 'many-to-one', target: 'imports', joinColumn: { name: 'import_id' }, onDelete: 'CASCADE' },
  },
  indices: [{ name: 'ix_import_errors_row', columns: ['importId', 'rowNumber'] }],
});
