import { RULE_OPERATORS, type RuleSubject, type RuleSubjectField } from '@zizhu/schema';
import { useMemo } from 'react';
import { useGetList, useLocaleState } from 'react-admin';
import type { Field, Option, ValueEditorType } from 'react-querybuilder';
import { languageOf, type Language } from '../providers/locales';
import { RULE_TEXTS } from './shape-messages';

/** What a rule's values may be, per subject field: enum options, yes/no, identity types. */
export interface RuleVocabulary {
  lang: Language;
  fields: Field[];
  /** `marks` values (identity-type ids) → their names. */
  markNames: Map<string, string>;
}

const MANY = new Set(['in', 'notIn']);

/**
 * The subject of a rule (from the json field's shape) as react-querybuilder fields, in the
 * panel's language; `marks` fields offer the identity types the API knows.
 */
export function useRuleVocabulary(subject: RuleSubject): RuleVocabulary {
  const [locale] = useLocaleState();
  const lang = languageOf(locale);
  const marksReference = subject.fields.find((field) => field.kind === 'marks')?.reference;
  const { data: marks } = useGetList(
    marksReference ?? 'identity-types',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: marksReference !== undefined },
  );
  return useMemo(() => {
    const markNames = new Map((marks ?? []).map((mark) => [String(mark.id), String(mark.name ?? mark.id)]));
    const markOptions: Option[] = [...markNames].map(([name, label]) => ({ name, value: name, label }));
    return { lang, markNames, fields: subject.fields.map((field) => ruleField(field, lang, markOptions)) };
  }, [lang, marks, subject]);
}

function ruleField(field: RuleSubjectField, lang: Language, markOptions: Option[]): Field {
  const operators = RULE_OPERATORS[field.kind].map((operator) => ({
    name: operator.name,
    value: operator.name,
    label: operator.label[lang],
    ...(operator.takesValue === 'none' ? { arity: 'unary' as const } : {}),
  }));
  const values: Option[] =
    field.kind === 'enum'
      ? (field.options ?? []).map((option) => ({ name: option.value, value: option.value, label: option.label[lang] }))
      : field.kind === 'boolean'
        ? [
            { name: 'true', value: 'true', label: RULE_TEXTS.yes[lang] },
            { name: 'false', value: 'false', label: RULE_TEXTS.no[lang] },
          ]
        : markOptions;
  return {
    name: field.key,
    value: field.key,
    label: field.label[lang],
    operators,
    values,
    valueEditorType: (operator: string): ValueEditorType => (MANY.has(operator) ? 'multiselect' : 'select'),
    ruleKind: field.kind,
  };
}

/** The subject field's kind, carried on the builder's field (see ruleField). */
export function ruleKindOf(field: Field): RuleSubjectField['kind'] | undefined {
  return (field as Field & { ruleKind?: RuleSubjectField['kind'] }).ruleKind;
}

/**
 * A select's choice in the type the rule stores: booleans as true/false (the select offers
 * "true"/"false"), and numbers where the stored value was a number or a list of them (an
 * identity type's id) — so editing a condition never changes its type behind the user's back.
 */
export function storedRuleValue(kind: RuleSubjectField['kind'] | undefined, chosen: string | string[], stored: unknown): unknown {
  if (kind === 'boolean') return Array.isArray(chosen) ? chosen.map((v) => v === 'true') : chosen === 'true';
  const numeric = typeof stored === 'number' || (Array.isArray(stored) && stored.length > 0 && stored.every((v) => typeof v === 'number'));
  const typed = (v: string): string | number => (numeric && /^-?\d+$/.test(v) ? Number(v) : v);
  return Array.isArray(chosen) ? chosen.map(typed) : typed(chosen);
}
