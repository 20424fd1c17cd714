import type { EnumOption, FieldDeclaration } from '../field';
import type { Localized } from '../role';

/**
 * The interfaces an administrator may give a field configured without code (a program's
 * extra application fields; checklist items next). Each is one entry of CONFIGURED_TYPES,
 * which says which field type (FIELD_TYPES) stores, checks, imports, exports and shows it.
 */
export type ConfiguredFieldType =
  | 'text'
  | 'longText'
  | 'number'
  | 'boolean'
  | 'yesNoNa'
  | 'date'
  | 'select'
  | 'multiSelect'
  | 'file'
  | 'computed';

/** A choice of a `select`, `multiSelect` or `yesNoNa` field; `score` counts towards computed values. */
export interface ConfiguredChoice {
  value: string;
  label?: string;
  score?: number;
}

/** A field an administrator added to a form; answers are kept in JSONB beside the record. */
export interface ConfiguredField {
  key: string;
  label: string;
  type: ConfiguredFieldType;
  required?: boolean;
  help?: string;
  /** `select` / `multiSelect`: the choices, separated by commas (，、, accepted); as the program designer writes them. */
  options?: string;
  /** Choices with scores (and labels apart from values); when given, `options` is not read. */
  choices?: readonly ConfiguredChoice[];
  /** `number`: bounds and decimal places allowed. */
  min?: number;
  max?: number;
  decimals?: number;
  /**
   * `computed`: a JsonLogic expression the server evaluates over the other answers
   * (`{ "var": "values.familySize" }`) and their choices' scores (`{ "var": "scores.hardship" }`).
   */
  expression?: Record<string, unknown>;
}

export interface ConfiguredTypeEntry {
  label: Localized;
  /** Offered by the program designer (which keeps to its first subset). */
  designer?: boolean;
  /** The storage/field type its answers are, with the definition's own constraints. */
  declare(field: ConfiguredField): Pick<FieldDeclaration, 'type'> & Partial<FieldDeclaration>;
  /** A fault of the definition itself, on one of its properties. */
  definitionProblem?(field: ConfiguredField): { field: keyof ConfiguredField; message: Localized } | null;
}

/** Longest answer to a text field (a long text takes more). */
export const MAX_CONFIGURED_TEXT = 500;
export const MAX_CONFIGURED_LONG_TEXT = 2000;

export const YES_NO_NA: readonly EnumOption[] = [
  { value: 'yes', label: { zh: '是', en: 'Yes' } },
  { value: 'no', label: { zh: '否', en: 'No' } },
  { value: 'na', label: { zh: '不适用', en: 'Not applicable' } },
];

/** The choices of a field: its scored `choices`, else its `options` text split at commas. */
export function configuredChoices(field: Pick<ConfiguredField, 'options' | 'choices'>): ConfiguredChoice[] {
  if (field.choices?.length) return [...field.choices];
  return (field.options ?? '')
    .split(/[,，、]/)
    .map((o) => o.trim())
    .filter(Boolean)
    .map((value) => ({ value }));
}

/** The values a choice field accepts. */
export function configuredOptions(field: Pick<ConfiguredField, 'options' | 'choices'>): string[] {
  return configuredChoices(field).map((choice) => choice.value);
}

function choiceOptions(field: ConfiguredField): EnumOption[] {
  return configuredChoices(field).map(({ value, label }) => ({ value, label: { zh: label ?? value, en: label ?? value } }));
}

function needsChoices(field: ConfiguredField): { field: keyof ConfiguredField; message: Localized } | null {
  return configuredChoices(field).length < 2 ? { field: 'options', message: { zh: '单选字段至少需要两个选项', en: 'A choice needs at least two options' } } : null;
}

export const CONFIGURED_TYPES: { readonly [T in ConfiguredFieldType]: ConfiguredTypeEntry } = {
  text: { label: { zh: '文本', en: 'Text' }, designer: true, declare: () => ({ type: 'string', maxLength: MAX_CONFIGURED_TEXT }) },
  longText: { label: { zh: '长文本', en: 'Long text' }, declare: () => ({ type: 'text', maxLength: MAX_CONFIGURED_LONG_TEXT }) },
  number: {
    label: { zh: '数字', en: 'Number' },
    designer: true,
    declare: (field) => ({ type: 'number', min: field.min, max: field.max, decimals: field.decimals }),
    definitionProblem: (field) =>
      field.min !== undefined && field.max !== undefined && field.min > field.max
        ? { field: 'max', message: { zh: '最大值不能小于最小值', en: 'The maximum cannot be below the minimum' } }
        : null,
  },
  boolean: { label: { zh: '是/否', en: 'Yes/no' }, designer: true, declare: () => ({ type: 'boolean' }) },
  yesNoNa: {
    label: { zh: '是/否/不适用', en: 'Yes/no/not applicable' },
    // Scored choices may relabel or score yes, no and n/a; the values stay these three.
    declare: (field) => ({ type: 'enum', options: YES_NO_NA.map((o) => ({ ...o, label: labelOf(field, o) })) }),
  },
  date: { label: { zh: '日期', en: 'Date' }, designer: true, declare: () => ({ type: 'date' }) },
  select: { label: { zh: '单选', en: 'Choice' }, designer: true, declare: (field) => ({ type: 'enum', options: choiceOptions(field) }), definitionProblem: needsChoices },
  multiSelect: {
    label: { zh: '多选', en: 'Multiple choice' },
    declare: (field) => ({ type: 'enumList', options: choiceOptions(field) }),
    definitionProblem: needsChoices,
  },
  file: { label: { zh: '照片或附件', en: 'Photo or file' }, declare: () => ({ type: 'reference', reference: 'files' }) },
  computed: {
    label: { zh: '计算值', en: 'Computed value' },
    declare: () => ({ type: 'number', readOnly: true }),
    definitionProblem: (field) =>
      field.expression && typeof field.expression === 'object' ? null : { field: 'expression', message: { zh: '计算值需要计算公式', en: 'A computed value needs an expression' } },
  },
};

function labelOf(field: ConfiguredField, option: EnumOption): Localized {
  const label = field.choices?.find((c) => c.value === option.value)?.label;
  return label ? { zh: label, en: label } : option.label;
}

/**
 * The field declaration a configured field's answers go through: the engine checks,
 * imports, exports and shows them as it does any declared field of that type.
 */
export function configuredDeclaration(field: ConfiguredField): FieldDeclaration {
  const declared = CONFIGURED_TYPES[field.type].declare(field);
  return {
    label: { zh: field.label, en: field.label },
    ...(field.help ? { help: { zh: field.help, en: field.help } } : {}),
    required: field.required === true && !declared.readOnly,
    ...declared,
  };
}

/** The score an answer earns (a choice's, or the sum of the chosen ones'); undefined when none is set. */
export function answerScore(field: ConfiguredField, answer: unknown): number | undefined {
  const scores = new Map(configuredChoices(field).flatMap((c) => (c.score === undefined ? [] : [[c.value, c.score] as const])));
  if (!scores.size) return undefined;
  const chosen = Array.isArray(answer) ? answer : answer == null ? [] : [answer];
  return chosen.reduce<number>((sum, value) => sum + (scores.get(String(value)) ?? 0), 0);
}
