import { isMasked, type FieldSchema } from '@zizhu/schema';
import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext } from 'react-admin';
import { MONOSPACE_FONT } from './monospace';
import { RevealButton } from './reveal-button';

/** ID numbers, phones, accounts: monospace, as the API sent them (masked or not), revealable on demand. */
export function SensitiveField({ field, reveal }: { field: FieldSchema; reveal: boolean }) {
  const record = useRecordContext();
  const [plain, setPlain] = useState<string | null>(null);
  const value: unknown = record?.[field.key];
  if (value === null || value === undefined || value === '') return null;
  const canReveal = reveal && plain === null && field.sensitive?.canReveal === true && isMasked(value);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <Typography component="span" variant="body2" sx={{ fontFamily: MONOSPACE_FONT }} data-field={field.key}>
        {plain ?? String(value)}
      </Typography>
      {canReveal && <RevealButton field={field.key} onRevealed={setPlain} />}
    </Box>
  );
}
