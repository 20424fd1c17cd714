import type { FieldDisplayHint, FieldSchema } from '@zizhu/schema';
import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { languageOf, type Language } from '../providers/locales';
import { assertNever } from './assert-never';
import { FundExceptionKeyField } from './coded-fields';
import { ReferenceIdsField } from './reference-ids';

/** Values whose declaration says how to show them (`display`), whatever their storage type. */
export function HintedDisplay({ field, display }: { field: FieldSchema; display: FieldDisplayHint }) {
  switch (display) {
    case 'resourceName':
      return <ResourceNameField source={field.key} />;
    case 'localizedText':
      return <LocalizedTextField source={field.key} />;
    case 'ownView':
      return null;
    case 'referenceIds':
      return <ReferenceIdsField field={field} />;
    case 'fundExceptionKey':
      return <FundExceptionKeyField source={field.key} />;
    default:
      return assertNever(display);
  }
}

/** A resource's name (`students`) as its label in the current language (学生). */
function ResourceNameField({ source }: { source: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const name: unknown = record?.[source];
  if (typeof name !== 'string' || !name) return null;
  // Every resource the user sees has its label registered (schema-messages); others keep the name.
  return (
    <Typography component="span" variant="body2" data-field={source}>
      {translate(`resources.${name}.name`, { _: name })}
    </Typography>
  );
}

/** A `{ zh, en }` text in the current language (the other one if that is missing). */
function LocalizedTextField({ source }: { source: string }) {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value: unknown = record?.[source];
  if (value === null || value === undefined) return null;
  const text = localizedText(value, languageOf(locale));
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-field={source}>
      {text}
    </Typography>
  );
}

function localizedText(value: unknown, locale: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const texts = value as Partial<Record<'zh' | 'en', unknown>>;
    const text = texts[locale] ?? texts[locale === 'zh' ? 'en' : 'zh'];
    if (typeof text === 'string') return text;
  }
  return JSON.stringify(value);
}

