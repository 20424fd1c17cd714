import { Box, Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ChoiceList } from './field-widget';
import { MONOSPACE_FONT } from './monospace';

/** An enum list as chips, each its choice's label. */
export function EnumListField({ source, choices }: { source: string; choices: ChoiceList }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const values: unknown = record?.[source];
  if (!Array.isArray(values)) return null;
  const nameOf = (value: string): string => {
    const name = choices.choices.find((choice) => choice.id === value)?.name;
    if (name === undefined) return value;
    return choices.translateChoice ? translate(name, { _: value }) : name;
  };
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.map((value) => (
        <Chip key={String(value)} size="small" label={nameOf(String(value))} />
      ))}
    </Stack>
  );
}

/** Free JSON, read-only and pretty-printed: never typed in by hand. */
export function JsonField({ source }: { source: string }) {
  const record = useRecordContext();
  const value: unknown = record?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Box
      component="pre"
      sx={{ fontFamily: MONOSPACE_FONT, fontSize: 12, m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, maxHeight: 320, overflow: 'auto' }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}

/** A yes/no as a word (是/否), where an icon alone would not read: among a form's answers. */
export function BooleanText({ source }: { source: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value: unknown = record?.[source];
  if (typeof value !== 'boolean') return null;
  return (
    <Typography component="span" variant="body2">
      {translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}
    </Typography>
  );
}
