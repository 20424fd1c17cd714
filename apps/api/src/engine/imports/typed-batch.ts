import { FIELD_TYPES, type FieldDeclaration } from '@zizhu/schema';
import { copyText } from '../database/copy-loader';
import { FIELD_ENV } from '../metadata/resource-registry';
import type { MatchContext } from './import-matching';
import type { StagedRows } from './import-sql';
import type { ValidatedRow } from './row-validator';

/** The temporary table a batch of a file committed while read is copied into, one typed column per field. */
export const BATCH_TABLE = 'import_batch';
/** The business keys of the valid rows written so far, with the first row that had each (duplicates). */
export const SEEN_TABLE = 'import_seen';

const fixedColumns = ['row_number', 'business_key', 'scope_path'];

const columnOf = (field: FieldDeclaration) => FIELD_TYPES[field.type].column(field, FIELD_ENV);

/** The SQL type of a field's column, as the batch stages it (text for varchar: lengths were validated). */
function stagedType(field: FieldDeclaration): string {
  const column = columnOf(field);
  const type = column.type === 'varchar' ? 'text' : column.type;
  return column.array ? `${type}[]` : type;
}

/**
 * A file's valid rows, typed: COPY text in the batch table's columns, so a commit reads
 * values as their columns' types instead of casting JSON again (the staging of previewed
 * imports keeps JSON: it is read back for the preview and the error workbook).
 */
export class TypedBatch {
  readonly table = BATCH_TABLE;
  readonly columns: string[];
  /** Per data key, its value as COPY text. */
  private readonly encoders: ((value: unknown) => string)[];

  constructor(private readonly ctx: MatchContext) {
    this.columns = [...fixedColumns, ...ctx.dataKeys];
    this.encoders = ctx.dataKeys.map((key) => (columnOf(ctx.resource.fields[key]).type === 'jsonb' ? encodeJson : encodeValue));
  }

  /** Creates the batch and seen tables, dropped when the transaction ends. */
  createSql(): string[] {
    const { resource, dataKeys } = this.ctx;
    const values = dataKeys.map((key) => `"${key}" ${stagedType(resource.fields[key])}`);
    return [
      `CREATE TEMPORARY TABLE ${BATCH_TABLE} (row_number int PRIMARY KEY, business_key text, scope_path text COLLATE "C"${values.map((v) => `, ${v}`).join('')}) ON COMMIT DROP`,
      `CREATE TEMPORARY TABLE ${SEEN_TABLE} (business_key text PRIMARY KEY, row_number int NOT NULL) ON COMMIT DROP`,
    ];
  }

  /** One valid row as a COPY line of the batch table. */
  line(rowNumber: number, row: ValidatedRow): string {
    const data = row.data!;
    let line = `${rowNumber}\t${copyText(row.businessKey)}\t${copyText(row.scopePath)}`;
    this.ctx.dataKeys.forEach((key, i) => (line += `\t${this.encoders[i](data[key])}`));
    return `${line}\n`;
  }

  /** The batch's rows for matching and commitRows; a row is a duplicate of an earlier batch's through the seen keys. */
  get staged(): StagedRows {
    return {
      from: `${BATCH_TABLE} r`,
      // The import id ($1) says nothing here: the batch holds one import's rows.
      where: '$1::int IS NOT NULL',
      columns: 'r.*',
      valid: 'TRUE',
      // A probe of the seen keys' index per row, whatever their number: a join would let the
      // planner hash the seen keys (up to the whole file) for every batch.
      firstRow: `COALESCE((SELECT s.row_number FROM ${SEEN_TABLE} s WHERE s.business_key = r.business_key), min(r.row_number) OVER (PARTITION BY r.business_key))`,
      value: (key, field) => {
        const column = columnOf(field);
        if (column.array) return `COALESCE(r."${key}", '{}')`;
        return column.type === 'boolean' ? `COALESCE(r."${key}", false)` : `r."${key}"`;
      },
    };
  }

  /** Remembers this batch's keys (the first row of each) for the batches after it. */
  rememberSql(): string {
    return `INSERT INTO ${SEEN_TABLE} (business_key, row_number)
            SELECT business_key, min(row_number) FROM ${BATCH_TABLE} WHERE business_key IS NOT NULL GROUP BY business_key
            ON CONFLICT (business_key) DO NOTHING`;
  }
}

function encodeValue(value: unknown): string {
  return copyText(value instanceof Date ? value.toISOString() : value);
}

function encodeJson(value: unknown): string {
  return value === null || value === undefined ? '\\N' : copyText(JSON.stringify(value));
}
