import { formatYuan, integerGrouping, type FieldType } from '@zizhu/schema';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  DateField,
  DateInput,
  DateTimeInput,
  FunctionField,
  Labeled,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  PasswordInput,
  ReferenceInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  useLocaleState,
} from 'react-admin';
import { FileReferenceField } from '../files/file-reference-field';
import { FileReferenceInput } from '../files/file-reference-input';
import { LinkedRecordField } from './coded-fields';
import { fieldChoices } from './field-choices';
import type { FieldWidget, WidgetDisplayProps, WidgetFilterProps, WidgetInputProps } from './field-widget';
import { ListShapeField } from './list-shape-field';
import { ListShapeInput } from './list-shape-input';
import { MoneyInput } from './money-input';
import { ReferenceIdsInput } from './reference-ids';
import { referenceOptionProps } from './reference-option';
import { ReferenceDisplay, ReferenceFieldInput } from './reference-widgets';
import { RuleField } from './rule-field';
import { RuleInput } from './rule-input';
import { fieldLabelKey } from './schema-messages';
import { idNumberFormat, SensitiveInput } from './sensitive-input';
import { SensitiveField } from './sensitive-field';
import { BooleanText, EnumListField, JsonField } from './value-fields';
import { ValuesField } from './values-field';
import { ValuesInput } from './values-input';

const textFilter = ({ source }: WidgetFilterProps) => <TextInput key={source} source={source} />;
const choiceFilter = ({ field, source, resource }: WidgetFilterProps) => <SelectInput key={source} source={source} choices={fieldChoices(resource, field)} />;
const numberFilter = ({ source, label }: WidgetFilterProps) => <NumberInput key={source} source={source} label={label} />;
const moneyFilter = ({ source, label }: WidgetFilterProps) => <MoneyInput key={source} source={source} label={label} />;
const dateFilter = ({ source, label }: WidgetFilterProps) => <DateInput key={source} source={source} label={label} />;

const TextDisplay = ({ source }: WidgetDisplayProps) => <TextField source={source} />;
const Sensitive = ({ field, reveal }: WidgetDisplayProps) => <SensitiveField field={field} reveal={reveal} />;
const SelectDisplay = ({ source, choices }: WidgetDisplayProps) => <SelectField source={source} choices={choices.choices} translateChoice={choices.translateChoice} />;

function NumberDisplay({ field, source }: WidgetDisplayProps) {
  const [locale] = useLocaleState();
  if (field.links) return <LinkedRecordField field={field} />;
  // A year or a number declared below 10,000 (a percent) reads without separators: 2026, not 2,026.
  return <NumberField source={source} locales={locale} options={{ useGrouping: integerGrouping(field) }} />;
}

function DateTimeDisplay({ source }: WidgetDisplayProps) {
  const [locale] = useLocaleState();
  return <DateField source={source} showTime locales={locale} />;
}

/** "¥1,234.50" from fen, by integer arithmetic (never fen / 100). */
function moneyText(value: unknown): string {
  return typeof value === 'number' ? `¥${formatYuan(value, { grouped: true })}` : '';
}

/**
 * The panel's side of every field type — input, display, list filters, import hint — one
 * entry each, keyed like FIELD_TYPES in @zizhu/schema (which decides everything that is not a
 * widget). Declared fields and configured answers both render through these entries.
 */
export const FIELD_WIDGETS: { readonly [T in FieldType]: FieldWidget } = {
  string: {
    Input: ({ field, common }) => (field.display === 'referenceIds' ? <ReferenceIdsInput field={field} common={common} /> : <TextInput {...common} />),
    Display: TextDisplay,
    filter: textFilter,
  },
  text: {
    Input: ({ common }) => <TextInput {...common} multiline minRows={3} />,
    Display: ({ source }) => <TextField source={source} sx={{ whiteSpace: 'pre-wrap' }} />,
    filter: textFilter,
  },
  integer: {
    Input: ({ common }) => <NumberInput {...common} step={1} />,
    Display: NumberDisplay,
    filter: numberFilter,
    rangeFilter: numberFilter,
    importRule: 'zizhu.import.ruleInteger',
  },
  number: {
    Input: ({ field, common }) => <NumberInput {...common} step={field.decimals === 0 ? 1 : 'any'} />,
    Display: NumberDisplay,
    filter: numberFilter,
    rangeFilter: numberFilter,
    importRule: 'zizhu.import.ruleNumber',
  },
  money: {
    Input: ({ common }) => <MoneyInput {...common} />,
    Display: ({ source }) => <FunctionField source={source} render={(record: Record<string, unknown>) => moneyText(record[source])} />,
    filter: moneyFilter,
    rangeFilter: moneyFilter,
    importRule: 'zizhu.import.ruleMoney',
    boundText: (fen) => formatYuan(fen, { grouped: true }),
  },
  boolean: {
    // A required yes/no must be answered, so it cannot default to "no" like a switch would.
    Input: ({ field, common }) => (field.required ? <NullableBooleanInput {...common} /> : <BooleanInput {...common} />),
    Display: ({ source, configured }) => (configured ? <BooleanText source={source} /> : <BooleanField source={source} />),
    filter: ({ source }) => <NullableBooleanInput key={source} source={source} />,
    importRule: 'zizhu.import.ruleBoolean',
  },
  date: {
    Input: ({ common }) => <DateInput {...common} />,
    Display: TextDisplay,
    filter: dateFilter,
    rangeFilter: dateFilter,
    importRule: 'zizhu.import.ruleDate',
  },
  datetime: {
    Input: ({ common }) => <DateTimeInput {...common} />,
    Display: DateTimeDisplay,
    filter: dateFilter,
    rangeFilter: dateFilter,
    importRule: 'zizhu.import.ruleDatetime',
  },
  enum: {
    Input: ({ common, choices }) => <SelectInput {...common} choices={choices.choices} translateChoice={choices.translateChoice} />,
    Display: SelectDisplay,
    filter: choiceFilter,
  },
  enumList: {
    Input: ({ common, choices }) => <SelectArrayInput {...common} choices={choices.choices} translateChoice={choices.translateChoice} />,
    Display: ({ source, choices }) => <EnumListField source={source} choices={choices} />,
    filter: choiceFilter,
  },
  reference: {
    // Attachments: choosing a file uploads it; the field holds the uploaded file's id.
    Input: ({ field, common }) => (field.reference === 'files' ? <FileReferenceInput {...common} /> : <ReferenceFieldInput field={field} common={common} />),
    // Attachments are shown as the file with a download button, not as a linked record.
    Display: ({ field, source }) => (field.reference === 'files' ? <FileReferenceField source={source} /> : <ReferenceDisplay field={field} />),
    filter: ({ field, source, resource, target }) => {
      if (!target || !field.reference) return <TextInput key={source} source={source} />;
      return (
        <ReferenceInput key={source} source={source} reference={field.reference} sort={target.defaultSort}>
          <AutocompleteInput label={fieldLabelKey(resource, source)} {...referenceOptionProps(target)} />
        </ReferenceInput>
      );
    },
    importRule: 'zizhu.import.ruleReference',
  },
  idNumber: {
    Input: ({ field, mode, common }) => <SensitiveInput field={field} mode={mode} common={common} />,
    Display: Sensitive,
    filter: textFilter,
    importRule: 'zizhu.import.ruleIdNumber',
    validate: idNumberFormat,
  },
  phone: {
    Input: ({ field, mode, common }) => <SensitiveInput field={field} mode={mode} common={common} inputType="tel" />,
    Display: Sensitive,
    filter: textFilter,
    importRule: 'zizhu.import.ruleLongNumber',
  },
  account: {
    Input: ({ field, mode, common }) => <SensitiveInput field={field} mode={mode} common={common} />,
    Display: Sensitive,
    filter: textFilter,
    importRule: 'zizhu.import.ruleLongNumber',
  },
  json: {
    // A declared structure gets its editor; free JSON is never typed in by hand: shown read-only.
    Input: ({ field, mode, common, builders }: WidgetInputProps) => {
      const shape = field.shape;
      if (shape?.kind === 'list') return <ListShapeInput {...common} field={field} shape={shape} mode={mode} ItemInput={builders.FieldInput} />;
      if (shape?.kind === 'rule') return <RuleInput {...common} subject={shape.subject} />;
      if (shape?.kind === 'values') return <ValuesInput source={common.source} shape={shape} mode={mode} builders={builders} />;
      return (
        <Labeled source={common.source}>
          <builders.FieldDisplay field={field} source={common.source} />
        </Labeled>
      );
    },
    Display: ({ field, source, builders }) => {
      const shape = field.shape;
      if (shape?.kind === 'list') return <ListShapeField field={field} shape={shape} source={source} ItemDisplay={builders.FieldDisplay} />;
      if (shape?.kind === 'rule') return <RuleField source={source} subject={shape.subject} />;
      if (shape?.kind === 'values') return <ValuesField source={source} shape={shape} ItemDisplay={builders.FieldDisplay} />;
      return <JsonField source={source} />;
    },
    filter: null,
  },
  password: {
    Input: ({ common }) => <PasswordInput {...common} autoComplete="new-password" />,
    Display: () => null,
    filter: null,
  },
};
