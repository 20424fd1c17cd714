import { configuredFieldSchema, type FieldSchemaShape } from '@zizhu/schema';
import { Box, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { RecordContextProvider, useRecordContext, useResourceContext } from 'react-admin';
import { useConfiguredFields } from './configured-fields-api';
import type { FieldDisplayProps } from './field-widget';

type ValuesShape = Extract<FieldSchemaShape, { kind: 'values' }>;

/**
 * Answers to configured fields as label → value pairs, labelled by the definitions they
 * answer, each value shown by the generic display of its field type (`ItemDisplay`); an
 * answer without a definition (left from an older form) keeps its key and its plain text.
 */
export function ValuesField({ source, shape, ItemDisplay }: { source: string; shape: ValuesShape; ItemDisplay: ComponentType<FieldDisplayProps> }) {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const targetId: unknown = record?.[shape.via];
  const { fields } = useConfiguredFields(resource, shape, typeof targetId === 'string' || typeof targetId === 'number' ? targetId : null);
  const answers: unknown = record?.[source];
  if (typeof answers !== 'object' || answers === null) return null;
  const entries = Object.entries(answers as Record<string, unknown>);
  if (entries.length === 0) return null;
  return (
    <RecordContextProvider value={{ id: record?.id ?? '', ...(answers as Record<string, unknown>) }}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content auto', columnGap: 2, rowGap: 0.5, m: 0 }} data-field={source}>
        {entries.map(([key, value]) => {
          const definition = fields?.find((field) => field.key === key);
          return (
            <Box key={key} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {definition?.label ?? key}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {definition ? <ItemDisplay field={configuredFieldSchema(definition)} source={key} configured /> : String(value)}
              </Typography>
            </Box>
          );
        })}
      </Box>
    </RecordContextProvider>
  );
}
