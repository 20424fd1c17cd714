import type { FieldSchemaShape } from '@zizhu/schema';
import { Box, Typography } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { useConfiguredFields } from './configured-fields-api';

type ValuesShape = Extract<FieldSchemaShape, { kind: 'values' }>;

/** Answers to configured fields as label → value pairs, labelled by the definitions they answer. */
export function ValuesField({ source, shape }: { source: string; shape: ValuesShape }) {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const targetId: unknown = record?.[shape.via];
  const { fields } = useConfiguredFields(resource, shape, typeof targetId === 'string' || typeof targetId === 'number' ? targetId : null);
  const answers: unknown = record?.[source];
  if (typeof answers !== 'object' || answers === null) return null;
  const entries = Object.entries(answers as Record<string, unknown>);
  if (entries.length === 0) return null;
  const labelOf = (key: string): string => fields?.find((field) => field.key === key)?.label ?? key;
  const valueText = (value: unknown): string =>
    typeof value === 'boolean' ? translate(value ? 'ra.boolean.true' : 'ra.boolean.false') : String(value);
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content auto', columnGap: 2, rowGap: 0.5, m: 0 }} data-field={source}>
      {entries.map(([key, value]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {labelOf(key)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {valueText(value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
