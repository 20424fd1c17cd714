import type { FieldSchema, FieldSchemaShape } from '@zizhu/schema';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ComponentType } from 'react';
import { RecordContextProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { FieldMessageScopeProvider, qualifiedKey } from './field-message-scope';
import type { FieldDisplayProps } from './field-widget';
import { fieldLabelKey } from './schema-messages';

type ListShape = Extract<FieldSchemaShape, { kind: 'list' }>;

/**
 * A json list shown as a compact table: one row per item, each cell its item field's own
 * display (`ItemDisplay`: the generic FieldDisplay, handed down rather than imported).
 */
export function ListShapeField({ field, shape, source, ItemDisplay }: { field: FieldSchema; shape: ListShape; source: string; ItemDisplay: ComponentType<FieldDisplayProps> }) {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const items: unknown = record?.[source];
  if (!Array.isArray(items) || items.length === 0) return null;
  return (
    <FieldMessageScopeProvider list={field.key}>
      <Table size="small" sx={{ width: 'auto', '& td, & th': { px: 1.5, py: 0.5 } }} data-field={source}>
        <TableHead>
          <TableRow>
            {shape.itemFields.map((item) => (
              <TableCell key={item.key}>{translate(fieldLabelKey(resource, qualifiedKey(field.key, item.key)), { _: item.label.zh })}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item: unknown, index) => (
            <RecordContextProvider key={index} value={typeof item === 'object' && item !== null ? (item as Record<string, unknown> & { id: number }) : { id: index }}>
              <TableRow>
                {shape.itemFields.map((itemField) => (
                  <TableCell key={itemField.key}>
                    <ItemDisplay field={itemField} source={itemField.key} />
                  </TableCell>
                ))}
              </TableRow>
            </RecordContextProvider>
          ))}
        </TableBody>
      </Table>
    </FieldMessageScopeProvider>
  );
}
