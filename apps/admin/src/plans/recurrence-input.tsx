import { Alert, Box, FormControl, FormHelperText, FormLabel, MenuItem, TextField, Typography } from '@mui/material';
import {
  addDays,
  nextRecurrenceDates,
  recurrenceChoice,
  recurrenceProblem,
  recurrenceRule,
  type RecurrenceChoice,
  type RecurrenceKind,
  WEEKDAYS,
} from '@zizhu/schema';
import { useMemo, useState } from 'react';
import { FieldTitle, useGetOne, useInput, useLocaleState, useResourceContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { chinaToday } from '../providers/china-date';
import { languageOf } from '../providers/locales';
import { WORK_PLANS_RESOURCE } from './plans-api';

const KINDS: { kind: RecurrenceKind; label: string }[] = [
  { kind: 'monthly', label: 'kindMonthly' },
  { kind: 'quarterEnd', label: 'kindQuarterEnd' },
  { kind: 'yearly', label: 'kindYearly' },
  { kind: 'weekly', label: 'kindWeekly' },
  { kind: 'custom', label: 'kindCustom' },
];

const ZH_WEEKDAYS: Record<string, string> = { MO: '一', TU: '二', WE: '三', TH: '四', FR: '五', SA: '六', SU: '日' };

const DEFAULT_RULE = 'FREQ=MONTHLY;BYMONTHDAY=20';

/** How many due dates the preview lists. */
const PREVIEW = 5;

/** The day the rule counts from: the duty's start, else its plan year's 1 January, else this year's. */
function useStartDate(): string {
  const startDate: unknown = useWatch({ name: 'startDate' });
  const planId: unknown = useWatch({ name: 'planId' });
  const { data: plan } = useGetOne(WORK_PLANS_RESOURCE, { id: planId as string }, { enabled: planId != null && planId !== '' });
  if (typeof startDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(startDate)) return startDate;
  if (plan?.year) return `${plan.year}-01-01`;
  return `${chinaToday().slice(0, 4)}-01-01`;
}

/**
 * 重复规则: presets for the shapes a work plan's duties take (each month on a day, each
 * quarter's end, each year on a date, each week) or a raw RRULE, with the rule as stored and
 * the next due dates it gives in the plan's year, from the duty's start or from today,
 * whichever is later.
 */
export function RecurrenceInput({ source, required }: { source: string; required: boolean }) {
  const resource = useResourceContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const validate = useMemo(
    () => (value: unknown) => {
      if (!value) return required ? 'ra.validation.required' : undefined;
      return recurrenceProblem(String(value))?.[language];
    },
    [required, language],
  );
  // A new duty starts as the commonest shape, monthly on the 20th (seed 004's data upkeep).
  const { field, fieldState, formState, isRequired } = useInput({ source, validate, defaultValue: DEFAULT_RULE });
  const rule = typeof field.value === 'string' ? field.value : '';
  const [choice, setChoice] = useState<RecurrenceChoice>(() => recurrenceChoice(rule || DEFAULT_RULE));
  const start = useStartDate();

  const change = (next: RecurrenceChoice) => {
    setChoice(next);
    field.onChange(recurrenceRule(next));
  };
  const problem = rule ? recurrenceProblem(rule) : null;
  const today = chinaToday();
  // Occurrences stop with the plan's year (the start lies in it).
  const dates = rule && !problem ? nextRecurrenceDates(rule, start, today < start ? addDays(start, -1) : today, PREVIEW).filter((day) => day.slice(0, 4) === start.slice(0, 4)) : [];
  const error = fieldState.error && (fieldState.isTouched || formState.isSubmitted) ? translate(fieldState.error.message ?? '', { _: fieldState.error.message }) : undefined;

  return (
    <FormControl fullWidth margin="dense" error={!!error} data-testid={`recurrence-input-${source}`} onBlur={field.onBlur}>
      <FormLabel sx={{ mb: 1, fontSize: '0.75rem' }}>
        <FieldTitle source={source} resource={resource} isRequired={isRequired} />
      </FormLabel>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          sx={{ minWidth: 160 }}
          label={translate('zizhu.plans.recurrenceKind')}
          value={choice.kind}
          onChange={(e) => {
            const kind = e.target.value as RecurrenceKind;
            change(kind === 'custom' ? { kind, rule } : { kind, day: choice.day, month: choice.month, weekday: choice.weekday });
          }}
          slotProps={{ htmlInput: { 'data-testid': 'recurrence-kind' } }}
        >
          {KINDS.map(({ kind, label }) => (
            <MenuItem key={kind} value={kind}>
              {translate(`zizhu.plans.${label}`)}
            </MenuItem>
          ))}
        </TextField>
        {choice.kind === 'yearly' && (
          <TextField
            select
            size="small"
            sx={{ minWidth: 90 }}
            label={translate('zizhu.plans.monthOfYear')}
            value={choice.month ?? 1}
            onChange={(e) => change({ ...choice, month: Number(e.target.value) })}
          >
            {Array.from({ length: 12 }, (_, i) => (
              <MenuItem key={i + 1} value={i + 1}>
                {translate('zizhu.plans.month', { month: i + 1 })}
              </MenuItem>
            ))}
          </TextField>
        )}
        {(choice.kind === 'monthly' || choice.kind === 'yearly') && (
          <TextField
            size="small"
            type="number"
            sx={{ width: 150 }}
            label={translate('zizhu.plans.dayOfMonth')}
            value={choice.day ?? ''}
            onChange={(e) => change({ ...choice, day: e.target.value === '' ? undefined : Number(e.target.value) })}
            slotProps={{ htmlInput: { min: -1, max: 31, 'data-testid': 'recurrence-day' } }}
          />
        )}
        {choice.kind === 'weekly' && (
          <TextField select size="small" sx={{ minWidth: 100 }} label={translate('zizhu.plans.weekday')} value={choice.weekday ?? 'FR'} onChange={(e) => change({ ...choice, weekday: e.target.value })}>
            {WEEKDAYS.map((day) => (
              <MenuItem key={day} value={day}>
                {language === 'zh' ? `星期${ZH_WEEKDAYS[day]}` : day}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          size="small"
          sx={{ flex: 1, minWidth: 260 }}
          label={translate('zizhu.plans.rawRule')}
          value={rule}
          onChange={(e) => change({ kind: 'custom', rule: e.target.value })}
          slotProps={{ htmlInput: { readOnly: choice.kind !== 'custom', 'data-testid': 'recurrence-rule', style: { fontFamily: 'monospace' } } }}
        />
      </Box>
      {error ? (
        <FormHelperText>{error}</FormHelperText>
      ) : problem ? (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {problem[language]}
        </Alert>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="recurrence-preview">
          {dates.length ? translate('zizhu.plans.nextDates', { dates: dates.join('、') }) : rule ? translate('zizhu.plans.noDates') : ''}
          {dates.length ? `（${translate('zizhu.plans.holidays')}）` : ''}
        </Typography>
      )}
    </FormControl>
  );
}
