import type { RuleSubject } from '@zizhu/schema';
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useRuleVocabulary } from './rule-fields';
import { ruleText } from './rule-text';

/** A rule shown as the sentence it stands for, in the panel's language. */
export function RuleField({ source, subject }: { source: string; subject: RuleSubject }) {
  const record = useRecordContext();
  const { lang, markNames } = useRuleVocabulary(subject);
  const value: unknown = record?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Typography component="span" variant="body2" data-field={source}>
      {ruleText(value, subject, lang, markNames)}
    </Typography>
  );
}
