import type { ImportCounts as Counts } from '@zizhu/schema';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

type Tone = 'success' | 'info' | 'text' | 'error';

const CARDS: { key: 'new' | 'toUpdate' | 'unchanged' | 'invalid'; label: string; tone: Tone }[] = [
  { key: 'new', label: 'zizhu.import.countNew', tone: 'success' },
  { key: 'toUpdate', label: 'zizhu.import.countToUpdate', tone: 'info' },
  { key: 'unchanged', label: 'zizhu.import.countUnchanged', tone: 'text' },
  { key: 'invalid', label: 'zizhu.import.countInvalid', tone: 'error' },
];

const colorOf = (tone: Tone, value: number): string =>
  value === 0 || tone === 'text' ? 'text.secondary' : `${tone}.main`;

/** What the commit would do, row by row: new, changed, unchanged, and rows with errors. */
export function ImportCounts({ counts }: { counts: Counts }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const format = (n: number): string => n.toLocaleString(locale);
  return (
    <section data-testid="import-counts">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {translate('zizhu.import.resultTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('zizhu.import.countTotal', { smart_count: counts.total, total: format(counts.total) })}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {CARDS.map(({ key, label, tone }) => (
          <Paper key={key} variant="outlined" sx={{ px: 2, py: 1.5, minWidth: 120 }} data-count={key}>
            <Typography variant="body2" color="text.secondary">
              {translate(label)}
            </Typography>
            <Box component="span" sx={{ fontSize: 28, fontWeight: 600, color: colorOf(tone, counts[key]) }} data-value>
              {format(counts[key])}
            </Box>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
