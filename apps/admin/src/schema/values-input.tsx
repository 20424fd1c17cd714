import { configuredFieldSchema, type ConfiguredField, type FieldSchemaShape } from '@zizhu/schema';
import { Box, FormLabel, LinearProgress, Typography } from '@mui/material';
import { FieldTitle, Labeled, useResourceContext, useTranslate } from 'react-admin';
import { useEffect, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useConfiguredFields } from './configured-fields-api';
import type { FieldBuilders, FormMode } from './field-widget';
import { fieldLabelKey } from './schema-messages';

type ValuesShape = Extract<FieldSchemaShape, { kind: 'values' }>;

/**
 * Answers to fields an administrator configured elsewhere (a roster's extra application
 * fields): follows the form's `via` reference, loads that record and offers one input per
 * configured field under `<source>.<key>`, where the API's errors for it also land. Each is
 * the generic FieldInput of the field type its configured type stands for.
 */
export function ValuesInput({ source, shape, mode, builders }: { source: string; shape: ValuesShape; mode: FormMode; builders: FieldBuilders }) {
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const targetId: unknown = useWatch({ name: shape.via });
  const id = typeof targetId === 'string' || typeof targetId === 'number' ? targetId : null;
  const { fields, isPending } = useConfiguredFields(resource, shape, id);
  useDropStaleAnswers(source, fields);
  let body;
  if (id === null) {
    body = (
      <Typography variant="body2" color="text.secondary">
        {translate('zizhu.values.chooseFirst', { field: translate(fieldLabelKey(resource, shape.via)) })}
      </Typography>
    );
  } else if (isPending || !fields) {
    body = <LinearProgress sx={{ width: 240 }} />;
  } else if (fields.length === 0) {
    body = (
      <Typography variant="body2" color="text.secondary">
        {translate('zizhu.values.none')}
      </Typography>
    );
  } else {
    body = fields.map((field) => <ConfiguredFieldInput key={field.key} definition={field} source={`${source}.${field.key}`} mode={mode} builders={builders} />);
  }
  return (
    <Box sx={{ my: 1, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', width: '100%' }} data-testid={`values-input-${source}`}>
      <FormLabel sx={{ fontSize: '0.75rem', mb: 0.5 }}>
        <FieldTitle source={source} resource={resource} />
      </FormLabel>
      {body}
    </Box>
  );
}

/** Answers to another record's fields (the roster was changed in the form) would be refused: they go. */
function useDropStaleAnswers(source: string, fields: readonly ConfiguredField[] | undefined): void {
  const { getValues, setValue } = useFormContext();
  useEffect(() => {
    if (!fields) return;
    const answers: unknown = getValues(source);
    if (typeof answers !== 'object' || answers === null) return;
    const keys = new Set(fields.map((field) => field.key));
    const entries = Object.entries(answers as Record<string, unknown>);
    if (entries.every(([key]) => keys.has(key))) return;
    setValue(source, Object.fromEntries(entries.filter(([key]) => keys.has(key))));
  }, [fields, getValues, setValue, source]);
}

/** One answer's input; a value the server computes is shown, not asked. */
function ConfiguredFieldInput({ definition, source, mode, builders }: { definition: ConfiguredField; source: string; mode: FormMode; builders: FieldBuilders }) {
  const field = useMemo(() => configuredFieldSchema(definition), [definition]);
  if (field.readOnly) {
    return (
      <Labeled label={definition.label}>
        <builders.FieldDisplay field={field} source={source} configured />
      </Labeled>
    );
  }
  return <builders.FieldInput field={field} source={source} mode={mode} configured />;
}
