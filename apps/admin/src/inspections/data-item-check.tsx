import type { FrozenDataValue } from '@zizhu/schema';
import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useController } from 'react-hook-form';
import { NumberInput, TextInput, useLocaleState, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import { itemPaths } from './fill-answers';

/**
 * A data item: the figure the platform computed for the school when the inspection started
 * (frozen, never recomputed) and the inspector's word on it — 确认无误, or 有出入 with the
 * value found and what differs (which the API raises as a finding).
 */
export function DataItemCheck({ itemKey, frozen }: { itemKey: string; frozen: FrozenDataValue | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const path = itemPaths(itemKey).dataCheck;
  const { field } = useController({ name: `${path}.confirmed` });
  const confirmed: unknown = field.value;
  const choice = confirmed === true ? 'confirmed' : confirmed === false ? 'discrepancy' : null;
  return (
    <Box data-testid={`data-check-${itemKey}`}>
      {frozen ? (
        <Box sx={{ mb: 1 }}>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('zizhu.inspections.frozenValue')} · {frozen.label[language]}
          </Typography>
          <Typography variant="h6" component="div" data-testid={`frozen-${itemKey}`}>
            {frozen.value === null ? translate('zizhu.inspections.noValue') : `${frozen.value.toLocaleString(locale)} ${frozen.unit[language]}`}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('zizhu.inspections.computedAt', { time: new Date(frozen.computedAt).toLocaleString(locale, { hour12: false }) })}
          </Typography>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('zizhu.inspections.notFrozen')}
        </Typography>
      )}
      <ToggleButtonGroup
        exclusive
        fullWidth
        color="primary"
        value={choice}
        onChange={(_event, value: string | null) => field.onChange(value === null ? null : value === 'confirmed')}
        aria-label={translate('zizhu.inspections.frozenValue')}
        sx={{ maxWidth: 480 }}
      >
        <ToggleButton value="confirmed">{translate('zizhu.inspections.confirm')}</ToggleButton>
        <ToggleButton value="discrepancy">{translate('zizhu.inspections.discrepancy')}</ToggleButton>
      </ToggleButtonGroup>
      {choice === 'discrepancy' && (
        <Box sx={{ mt: 1 }}>
          <NumberInput source={`${path}.observed`} label={translate('zizhu.inspections.observed')} helperText={false} />
          <TextInput source={`${path}.note`} label={translate('zizhu.inspections.discrepancyNote')} multiline minRows={2} helperText={false} />
        </Box>
      )}
    </Box>
  );
}
