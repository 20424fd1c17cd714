import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel } from '@mui/material';
import { STAGES } from '@zizhu/schema';
import { FieldTitle, useInput, useLocaleState, useResourceContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { languageOf } from '../providers/locales';

/** The stages a duty's `appliesTo` keeps, or none (every school). */
export function appliesToStages(value: unknown): string[] {
  const stages = (value as { stages?: unknown } | null | undefined)?.stages;
  return Array.isArray(stages) ? stages.filter((s): s is string => typeof s === 'string') : [];
}

/** 适用学校: every school of the plan's region, or only those of the stages ticked (stored as `{ "stages": [...] }`). */
export function AppliesToInput({ source }: { source: string }) {
  const resource = useResourceContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const level: unknown = useWatch({ name: 'level' });
  const { field, fieldState } = useInput({ source });
  const stages = appliesToStages(field.value);
  if (level != null && level !== 'school') return null;
  const toggle = (stage: string, on: boolean) => {
    const next = on ? [...stages, stage] : stages.filter((s) => s !== stage);
    field.onChange(next.length ? { stages: STAGES.map((s) => s.value).filter((s) => next.includes(s)) } : null);
  };
  return (
    <FormControl margin="dense" error={!!fieldState.error} data-testid="applies-to-input">
      <FormLabel sx={{ fontSize: '0.75rem' }}>
        <FieldTitle source={source} resource={resource} />
      </FormLabel>
      <FormGroup row>
        {STAGES.map((stage) => (
          <FormControlLabel key={stage.value} control={<Checkbox size="small" checked={stages.includes(stage.value)} onChange={(e) => toggle(stage.value, e.target.checked)} />} label={stage.label[language]} />
        ))}
      </FormGroup>
      <FormHelperText>{fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : translate('zizhu.plans.appliesHelp')}</FormHelperText>
    </FormControl>
  );
}
