import { formatYuan, integerGrouping, isMasked, type FieldDisplayHint, type FieldSchema } from '@zizhu/schema';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  DateField,
  FunctionField,
  NumberField,
  ReferenceField,
  SelectField,
  TextField,
  useLocaleState,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { languageOf, type Language } from '../providers/locales';
import { FileReferenceField } from '../files/file-reference-field';
import { assertNever } from './assert-never';
import { CodeOfField, FundExceptionKeyField, LinkedRecordField } from './coded-fields';
import { fieldChoices } from './field-choices';
import { RevealButton } from './reveal-button';
import { choiceKey } from './schema-messages';
import { useFieldMessageKey } from './field-message-scope';
import { ListShapeField } from './list-shape-field';
import { ReferenceIdsField } from './reference-ids';
import { RuleField } from './rule-field';
import { ValuesField } from './values-field';
import { useSchema } from './use-schema';

export interface FieldDisplayProps {
  field: FieldSchema;
  /** Read by Datagrid headers and Labeled to build the label and sort. */
  source: string;
  sortable?: boolean;
  /** Offer the "Reveal" button on masked values (Show and Edit views, not lists). */
  reveal?: boolean;
}

const MONOSPACE = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

/** One switch from field type to display component (react-admin ra-no-code style). */
export function FieldDisplay({ field, source, reveal = false }: FieldDisplayProps) {
  const resource = useResourceContext() ?? '';
  const [locale] = useLocaleState();
  const messageKey = useFieldMessageKey(field);
  if (field.display) return <HintedDisplay field={field} display={field.display} />;
  if (field.codeOf) return <CodeOfField field={field} resource={resource} />;
  switch (field.type) {
    case 'string':
    case 'date':
      return <TextField source={source} />;
    case 'text':
      return <TextField source={source} sx={{ whiteSpace: 'pre-wrap' }} />;
    case 'integer':
      if (field.links) return <LinkedRecordField field={field} />;
      // A year or a number declared below 10,000 (a percent) reads without separators: 2026, not 2,026.
      return <NumberField source={source} locales={locale} options={{ useGrouping: integerGrouping(field) }} />;
    case 'money':
      return <FunctionField source={source} render={(record: Record<string, unknown>) => moneyText(record[source])} />;
    case 'boolean':
      return <BooleanField source={source} />;
    case 'datetime':
      return <DateField source={source} showTime locales={locale} />;
    case 'enum':
      return <SelectField source={source} choices={fieldChoices(resource, field, messageKey)} />;
    case 'enumList':
      return <EnumListField resource={resource} field={field} messageKey={messageKey} />;
    case 'reference':
      // Attachments are shown as the file with a download button, not as a linked record.
      return field.reference === 'files' ? <FileReferenceField source={source} /> : <ReferenceDisplay field={field} />;
    case 'idNumber':
    case 'phone':
    case 'account':
      return <SensitiveField field={field} reveal={reveal} />;
    case 'json':
      if (field.shape?.kind === 'list') return <ListShapeField field={field} shape={field.shape} source={source} />;
      if (field.shape?.kind === 'rule') return <RuleField source={source} subject={field.shape.subject} />;
      if (field.shape?.kind === 'values') return <ValuesField source={source} shape={field.shape} />;
      return <JsonField source={source} />;
    case 'password':
      return null;
    default:
      return assertNever(field.type);
  }
}

/** Values whose declaration says how to show them (`display`), whatever their storage type. */
function HintedDisplay({ field, display }: { field: FieldSchema; display: FieldDisplayHint }) {
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

function ReferenceDisplay({ field }: { field: FieldSchema }) {
  const record = useRecordContext();
  const target = useSchema()?.resources.find((resource) => resource.name === field.reference);
  // A target the user cannot list, or a record of it outside their subtree, would not load: the API sends its label with the record.
  const sentLabel = (record?.referenceLabels as Record<string, string> | undefined)?.[field.key] !== undefined;
  if (!target || !field.reference || sentLabel) return <ReferenceLabel field={field} />;
  return <ReferenceField source={field.key} reference={field.reference} link="show" />;
}

/** The label the API sent for a reference the user may not look up (`referenceLabels`), else the id. */
function ReferenceLabel({ field }: { field: FieldSchema }) {
  const record = useRecordContext();
  const labels = record?.referenceLabels as Record<string, string> | undefined;
  const value = labels?.[field.key] ?? record?.[field.key];
  return value == null ? null : <span>{String(value)}</span>;
}

function EnumListField({ resource, field, messageKey }: { resource: string; field: FieldSchema; messageKey: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const values: unknown = record?.[field.key];
  if (!Array.isArray(values)) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {values.map((value) => (
        <Chip
          key={String(value)}
          size="small"
          label={translate(choiceKey(resource, messageKey, String(value)), { _: String(value) })}
        />
      ))}
    </Stack>
  );
}

/** ID numbers, phones, accounts: monospace, masked as the API sent them, revealable on demand. */
function SensitiveField({ field, reveal }: { field: FieldSchema; reveal: boolean }) {
  const record = useRecordContext();
  const [plain, setPlain] = useState<string | null>(null);
  const value: unknown = record?.[field.key];
  if (value === null || value === undefined || value === '') return null;
  const canReveal = reveal && plain === null && field.sensitive?.canReveal === true && isMasked(value);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <Typography component="span" variant="body2" sx={MONOSPACE} data-field={field.key}>
        {plain ?? String(value)}
      </Typography>
      {canReveal && <RevealButton field={field.key} onRevealed={setPlain} />}
    </Box>
  );
}

function JsonField({ source }: { source: string }) {
  const record = useRecordContext();
  const value: unknown = record?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Box
      component="pre"
      sx={{ ...MONOSPACE, fontSize: 12, m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, maxHeight: 320, overflow: 'auto' }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}

/** "¥1,234.50" from fen, by integer arithmetic (never fen / 100). */
function moneyText(value: unknown): string {
  return typeof value === 'number' ? `¥${formatYuan(value, { grouped: true })}` : '';
}
