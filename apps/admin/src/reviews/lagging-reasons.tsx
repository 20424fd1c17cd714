import type { MissedDuty, ReviewIndicatorWeight, WeakIndicator } from '@zizhu/schema';
import { Box } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';

/** What put a unit among the lagging: the duties it missed, a total below the line, its indicators below it. */
export function LaggingReasons({
  missedDuties,
  weakIndicators,
  belowLine,
  indicators,
}: {
  missedDuties: readonly MissedDuty[];
  weakIndicators: readonly WeakIndicator[];
  belowLine: boolean;
  indicators: readonly ReviewIndicatorWeight[];
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const label = (code: string) => indicators.find((i) => i.code === code)?.label[language] ?? code;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {missedDuties.map((duty) => (
        <li key={`${duty.dutyId}-${duty.dueDate}`}>{translate('zizhu.reviews.missedDuty', { title: duty.title, date: duty.dueDate })}</li>
      ))}
      {belowLine && <li>{translate('zizhu.reviews.belowLine')}</li>}
      {weakIndicators.map((weak) => (
        <li key={weak.code}>{translate('zizhu.reviews.weak', { label: label(weak.code), value: weak.value.toFixed(1) })}</li>
      ))}
    </Box>
  );
}
