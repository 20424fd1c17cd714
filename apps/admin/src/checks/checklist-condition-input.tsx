import type { ChecklistItem, ItemCondition } from '@zizhu/schema';
import { configuredChoices, RULE_OPERATORS, YES_NO_NA } from '@zizhu/schema';
import { Box, FormControl, FormHelperText, FormLabel, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { type Field, formatQuery, QueryBuilder, type RuleGroupType, type Translations } from 'react-querybuilder';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import type { Language } from '../providers/locales';
import { MUI_RULE_CONTROLS } from '../schema/rule-controls';

const EMPTY: RuleGroupType = { combinator: 'and', rules: [] };
const LAYOUT = {
  '& .ruleGroup': { display: 'flex', flexDirection: 'column', gap: 1, p: 1, border: 1, borderColor: 'divider', borderRadius: 1 },
  '& .ruleGroup-header, & .rule': { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 },
  '& .ruleGroup-body': { display: 'flex', flexDirection: 'column', gap: 1, '&:empty': { display: 'none' } },
};
const CHOICE_TYPES = new Set(['boolean', 'yesNoNa', 'select', 'multiSelect']);

export interface ConditionInputProps {
  label: string;
  value: ItemCondition | undefined;
  onChange(next: ItemCondition | undefined): void;
  /** The items the condition may read (the version's other choice items). */
  items: readonly ChecklistItem[];
  lang: Language;
  error?: string;
  testId: string;
}

/**
 * A condition on other answers, edited with the rule editor the program designer uses and
 * stored as the JSON Logic the API and the panel both evaluate (`{ "var": "values.<key>" }`).
 */
export function ConditionInput({ label, value, onChange, items, lang, error, testId }: ConditionInputProps) {
  const translate = useTranslate();
  const fields = useMemo(() => conditionFields(items, lang, translate), [items, lang, translate]);
  const query = useMemo(() => (value === undefined ? EMPTY : parseJsonLogic(value as Parameters<typeof parseJsonLogic>[0])), [value]);
  const translations = useMemo<Partial<Translations>>(() => {
    const t = (key: string): string => translate(`zizhu.rule.${key}`);
    return {
      fields: { title: t('field') },
      operators: { title: t('operator') },
      values: { title: t('value') },
      value: { title: t('value') },
      combinators: { title: t('combinator') },
      addRule: { label: t('addRule'), title: t('addRule') },
      addGroup: { label: t('addGroup'), title: t('addGroup') },
      removeRule: { label: '', title: t('removeRule') },
      removeGroup: { label: '', title: t('removeGroup') },
    };
  }, [translate]);
  const combinators = useMemo(
    () => [
      { name: 'and', value: 'and', label: translate('zizhu.rule.and') },
      { name: 'or', value: 'or', label: translate('zizhu.rule.or') },
    ],
    [translate],
  );
  const change = (next: RuleGroupType) => {
    if (!next.rules.length) return onChange(undefined);
    const logic = formatQuery(next, 'jsonlogic');
    if (typeof logic !== 'object' || logic === null) return onChange(undefined);
    // One condition is stored bare (`{ "==": … }`), not as a one-element `and`.
    const only = (logic as { and?: unknown[] }).and;
    onChange((Object.keys(logic).length === 1 && only?.length === 1 ? only[0] : logic) as ItemCondition);
  };
  return (
    <FormControl fullWidth margin="dense" error={!!error} data-testid={testId}>
      <FormLabel sx={{ mb: 0.5, fontSize: '0.75rem' }}>{label}</FormLabel>
      {fields.length ? (
        <Box sx={LAYOUT}>
          <QueryBuilder
            fields={fields}
            query={query}
            onQueryChange={change}
            controlElements={MUI_RULE_CONTROLS}
            translations={translations}
            combinators={combinators}
            listsAsArrays
            resetOnOperatorChange
            maxLevels={2}
            enableMountQueryChange={false}
          />
        </Box>
      ) : (
        <Typography variant="caption" color="text.secondary">
          {translate('zizhu.checklists.noConditionFields')}
        </Typography>
      )}
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}

/** The other choice items as rule fields: `values.<key>`, with their choices as values. */
function conditionFields(items: readonly ChecklistItem[], lang: Language, translate: (key: string) => string): Field[] {
  return items
    .filter((item) => CHOICE_TYPES.has(item.type) && item.key)
    .map((item) => {
      const kind = item.type === 'boolean' ? 'boolean' : 'enum';
      const values =
        item.type === 'boolean'
          ? [
              { name: 'true', value: 'true', label: translate('zizhu.checklists.yes') },
              { name: 'false', value: 'false', label: translate('zizhu.checklists.no') },
            ]
          : item.type === 'yesNoNa' && !item.choices?.length
            ? YES_NO_NA.map((o) => ({ name: o.value, value: o.value, label: o.label[lang] }))
            : configuredChoices(item).map((c) => ({ name: c.value, value: c.value, label: c.label ?? c.value }));
      const operators = RULE_OPERATORS[kind].map((o) => ({ name: o.name, value: o.name, label: o.label[lang] }));
      return {
        name: `values.${item.key}`,
        value: `values.${item.key}`,
        label: item.label || item.key,
        operators,
        values,
        valueEditorType: (operator: string) => (operator === 'in' || operator === 'notIn' ? 'multiselect' : 'select'),
        ruleKind: kind,
      } as Field;
    });
}
