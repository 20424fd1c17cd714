import { MenuItem, TextField } from '@mui/material';
import type { DutyRuleDescription } from '@zizhu/schema';
import { FieldTitle, useInput, useLocaleState, useResourceContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { languageOf } from '../providers/locales';
import { useLoaded } from '../providers/use-loaded';
import { fetchDutyRules } from './plans-api';

const loadRules = (): Promise<DutyRuleDescription[]> => fetchDutyRules();

/**
 * 完成判定: manual or one of the automatic rules `GET /api/duty-rules` lists, each with what
 * it looks at; automatic rules are offered for school duties only (the API says so too).
 */
export function CompletionRuleInput({ source }: { source: string }) {
  const resource = useResourceContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const level: unknown = useWatch({ name: 'level' });
  const { data: rules } = useLoaded('duty-rules', loadRules);
  const { field, fieldState, formState, isRequired } = useInput({ source, defaultValue: 'manual' });
  const chosen = rules?.find((rule) => rule.code === field.value);
  const error = fieldState.error && (fieldState.isTouched || formState.isSubmitted) ? translate(fieldState.error.message ?? '', { _: fieldState.error.message }) : undefined;
  return (
    <TextField
      select
      fullWidth
      margin="dense"
      size="small"
      label={<FieldTitle source={source} resource={resource} isRequired={isRequired} />}
      value={rules ? (field.value ?? 'manual') : ''}
      onChange={(e) => field.onChange(e.target.value)}
      onBlur={field.onBlur}
      error={!!error}
      helperText={error ?? chosen?.description[language] ?? ' '}
      slotProps={{ htmlInput: { 'data-testid': 'completion-rule' } }}
    >
      {(rules ?? []).map((rule) => (
        <MenuItem key={rule.code} value={rule.code} disabled={rule.automatic && level != null && level !== 'school'}>
          {rule.label[language]}
        </MenuItem>
      ))}
    </TextField>
  );
}
