import { Typography } from '@mui/material';
import { describeRecurrence, STAGES } from '@zizhu/schema';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import { appliesToStages } from './applies-to-input';

/** A duty's recurrence as it reads (每月20日) with the rule beside it. */
export function RecurrenceField({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const rule = record?.[source];
  if (typeof rule !== 'string') return null;
  const text = describeRecurrence(rule)[languageOf(locale)];
  return (
    <Typography variant="body2" component="span">
      {text === rule ? rule : `${text}（${rule}）`}
    </Typography>
  );
}

/** 适用学校: every school, or the stages named. */
export function AppliesToField({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record || (record.level && record.level !== 'school')) return null;
  const stages = appliesToStages(record[source]);
  const names = STAGES.filter((s) => stages.includes(s.value)).map((s) => s.label[languageOf(locale)]);
  return (
    <Typography variant="body2" component="span">
      {names.length ? translate('zizhu.plans.appliesStages', { stages: names.join('、') }) : translate('zizhu.plans.appliesAll')}
    </Typography>
  );
}
