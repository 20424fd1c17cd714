import type { FieldSchema, FieldType, ResourceSchema } from '@zizhu/schema';
import { Box, Typography } from '@mui/material';
import { Datagrid, type DatagridProps, ReferenceManyField, type SortPayload, useTranslate } from 'react-admin';
import { FieldDisplay } from './field-display';
import { useResourceSchema } from './use-schema';

/** Short values (办结, 2026-05-01, 625.00) keep to one line; text columns take the rest of a narrow card. */
const ONE_LINE_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['enum', 'boolean', 'date', 'integer', 'number', 'money']);

const oneLineColumns = (columns: readonly FieldSchema[]) =>
  Object.fromEntries(columns.filter((field) => ONE_LINE_TYPES.has(field.type)).map((field) => [`& .column-${field.key}`, { whiteSpace: 'nowrap' }]));

/** The list columns of a related resource, without its reference back to the record shown. */
export const relatedColumns = (schema: ResourceSchema, target: string): FieldSchema[] =>
  schema.fields.filter((field) => field.list && !field.writeOnly && !field.filterOnly && field.key !== target);

export interface RelatedRecordsTableProps {
  /** The resource whose records point at the current one. */
  reference: string;
  /** Its field holding the current record's id (left out of the columns). */
  target: string;
  title: string;
  emptyText: string;
  sort: SortPayload;
  perPage: number;
  testId: string;
  /** Where a row leads (its record's `show` page); default: rows do not open. */
  rowClick?: DatagridProps['rowClick'];
}

/**
 * Under a record: the records of another resource that point at it (a roster's history, a
 * run's executions), read-only, in that resource's list columns; a row opens its record when
 * `rowClick` says so. Nothing when the user may not list them.
 */
export function RelatedRecordsTable({ reference, target, title, emptyText, sort, perPage, testId, rowClick = false }: RelatedRecordsTableProps) {
  const translate = useTranslate();
  const schema = useResourceSchema(reference);
  if (!schema) return null;
  const columns = relatedColumns(schema, target);
  return (
    <Box sx={{ mt: 3 }} data-testid={testId}>
      <Typography variant="subtitle1">{translate(title)}</Typography>
      <ReferenceManyField
        reference={reference}
        target={target}
        sort={sort}
        perPage={perPage}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate(emptyText)}
          </Typography>
        }
      >
        <Datagrid bulkActionButtons={false} rowClick={rowClick} sx={oneLineColumns(columns)}>
          {columns.map((field) => (
            <FieldDisplay key={field.key} source={field.key} field={field} />
          ))}
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
}
