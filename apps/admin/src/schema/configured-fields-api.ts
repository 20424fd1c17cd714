import { CONFIGURED_TYPES, type ConfiguredField, type FieldSchemaShape } from '@zizhu/schema';
import { useMemo } from 'react';
import { useGetOne, type Identifier } from 'react-admin';
import { useResourceSchema } from './use-schema';

type ValuesShape = Extract<FieldSchemaShape, { kind: 'values' }>;

function isConfiguredField(value: unknown): value is ConfiguredField {
  const field = value as Partial<ConfiguredField> | null;
  return typeof field?.key === 'string' && typeof field.label === 'string' && typeof field.type === 'string' && Object.hasOwn(CONFIGURED_TYPES, field.type);
}

/**
 * The field definitions a `values` json field answers: the list `shape.field` on the record
 * that this record's `shape.via` reference points at (a roster's copied application fields).
 */
export function useConfiguredFields(
  resource: string,
  shape: ValuesShape,
  targetId: Identifier | null | undefined,
): { fields: ConfiguredField[] | undefined; isPending: boolean } {
  const via = useResourceSchema(resource)?.fields.find((field) => field.key === shape.via);
  const target = via?.reference ?? '';
  const enabled = target !== '' && targetId !== null && targetId !== undefined && targetId !== '';
  const { data, isPending } = useGetOne(target, { id: targetId ?? '' }, { enabled });
  const list: unknown = data?.[shape.field];
  const fields = useMemo(() => (Array.isArray(list) ? list.filter(isConfiguredField) : data ? [] : undefined), [data, list]);
  return enabled ? { fields, isPending } : { fields: undefined, isPending: false };
}
