import { MAX_RULE_DEPTH, type RuleSubject } from '@zizhu/schema';
import { Box, FormControl, FormHelperText, FormLabel, Typography } from '@mui/material';
import { useMemo } from 'react';
import { FieldTitle, InputHelperText, useInput, useResourceContext, useTranslate, type Validator } from 'react-admin';
import { QueryBuilder, type RuleGroupType, type Translations } from 'react-querybuilder';
import { MUI_RULE_CONTROLS } from './rule-controls';
import { useRuleVocabulary } from './rule-fields';

export interface RuleInputProps {
  source: string;
  subject: RuleSubject;
  validate: Validator[];
  disabled: boolean;
  helperText: string | false;
}

const EMPTY_RULE: RuleGroupType = { combinator: 'and', rules: [] };

/** react-querybuilder's own class names, laid out as nested outlined boxes. */
const LAYOUT = {
  '& .ruleGroup': {
    display: 'flex',
    flexDirection: 'column',
    gap: 1,
    p: 1.5,
    border: 1,
    borderColor: 'divider',
    borderRadius: 1,
    bgcolor: 'action.hover',
  },
  '& .ruleGroup .ruleGroup': { bgcolor: 'background.paper' },
  '& .ruleGroup-header, & .rule': { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 },
  '& .ruleGroup-body': { display: 'flex', flexDirection: 'column', gap: 1, '&:empty': { display: 'none' } },
};

/**
 * A json field shaped as a rule: a visual condition editor over the shape's subject. The
 * value is react-querybuilder's RuleGroupType, which is exactly what the API stores and
 * compiles; the API's verdict on it comes back as this input's error.
 */
export function RuleInput({ source, subject, validate, disabled, helperText }: RuleInputProps) {
  const resource = useResourceContext();
  const translate = useTranslate();
  const { field, fieldState, formState, isRequired } = useInput({ source, validate });
  const vocabulary = useRuleVocabulary(subject);
  const translations = useMemo<Partial<Translations>>(() => {
    const t = (key: string): string => translate(`zizhu.rule.${key}`);
    return {
      fields: { title: t('field') },
      operators: { title: t('operator') },
      values: { title: t('value') },
      value: { title: t('value') },
      combinators: { title: t('combinator') },
      notToggle: { label: t('not'), title: t('not') },
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
  const query = isRuleGroup(field.value) ? field.value : EMPTY_RULE;
  const error = fieldState.error && (fieldState.isTouched || formState.isSubmitted) ? fieldState.error.message : undefined;
  return (
    <FormControl fullWidth margin="dense" error={!!error} data-testid={`rule-input-${source}`}>
      <FormLabel sx={{ mb: 1, fontSize: '0.75rem' }}>
        <FieldTitle source={source} resource={resource} isRequired={isRequired} />
      </FormLabel>
      <Box sx={LAYOUT} onBlur={field.onBlur}>
        <QueryBuilder
          fields={vocabulary.fields}
          query={query}
          onQueryChange={(next) => field.onChange(next)}
          controlElements={MUI_RULE_CONTROLS}
          translations={translations}
          combinators={combinators}
          listsAsArrays
          // "is" → "is one of" starts the value afresh rather than carrying the single choice over.
          resetOnOperatorChange
          showNotToggle
          maxLevels={MAX_RULE_DEPTH}
          disabled={disabled}
          enableMountQueryChange={false}
        />
      </Box>
      {query.rules.length === 0 && (
        <Typography variant="caption" color="text.secondary" sx={{ mt: 0.5 }}>
          {translate('zizhu.rule.empty')}
        </Typography>
      )}
      {(error || helperText) && (
        <FormHelperText>
          <InputHelperText error={error} helperText={helperText} />
        </FormHelperText>
      )}
    </FormControl>
  );
}

function isRuleGroup(value: unknown): value is RuleGroupType {
  return typeof value === 'object' && value !== null && Array.isArray((value as RuleGroupType).rules);
}
