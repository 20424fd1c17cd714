import type { FieldSchema, ResourceSchema } from '@zizhu/schema';
import { Chip, Stack } from '@mui/material';
import { type MouseEvent, useCallback } from 'react';
import { AutocompleteArrayInput, LinkBase, type RaRecord, TextInput, useCreatePath, useGetList, useGetMany, useRecordContext, useTranslate } from 'react-admin';
import type { CommonProps } from './field-input-props';
import { choiceKey } from './schema-messages';
import { useSchema } from './use-schema';

/** How many records a picker offers (identity lists: a city receives dozens a year). */
const PICKER_SIZE = 500;

/** `"3,5"` ⇄ `[3, 5]`: the field stores its ids as text, pickers hold them as an array. */
export function idsOf(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number).filter(Number.isInteger);
  if (typeof value !== 'string' || !value.trim()) return [];
  return value.split(',').map((part) => Number(part.trim())).filter((id) => Number.isInteger(id) && id > 0);
}

const textOf = (ids: unknown): string => (Array.isArray(ids) ? ids.join(',') : '');

/**
 * A referenced record's label as pickers and displays show it: its record label, then the
 * declaration's `optionLabel` fields of the target (enums by their label), e.g.
 * 2026年9月民政低保名单（民政 · 2026-09-01 · 人数 300）.
 */
export function useOptionText(target: ResourceSchema | undefined, fields: readonly string[] = []): (record: RaRecord) => string {
  const translate = useTranslate();
  return useCallback(
    (record: RaRecord) => {
      if (!target) return String(record?.id ?? '');
      const parts = fields.flatMap((key) => {
        const field = target.fields.find((f) => f.key === key);
        const value: unknown = record?.[key];
        if (!field) return [];
        if (field.type === 'enum') return value == null ? [] : [translate(choiceKey(target.name, key, String(value)), { _: String(value) })];
        if (field.type === 'integer') return [`${translate(`resources.${target.name}.fields.${key}`)} ${Number(value ?? 0)}`];
        return value == null || value === '' ? [] : [String(value)];
      });
      const label = String(record?.[target.recordLabel] ?? record?.id ?? '');
      return parts.length ? `${label}（${parts.join(' · ')}）` : label;
    },
    [target, fields, translate],
  );
}

function useTarget(field: FieldSchema): ResourceSchema | undefined {
  return useSchema()?.resources.find((resource) => resource.name === field.reference);
}

/** A multi-select of the referenced records, by their labels; the value stays the ids' text. */
export function ReferenceIdsInput({ field, common }: { field: FieldSchema; common: CommonProps }) {
  const target = useTarget(field);
  const optionText = useOptionText(target, field.optionLabel);
  const { data, isPending } = useGetList(
    field.reference ?? '',
    { pagination: { page: 1, perPage: PICKER_SIZE }, sort: target?.defaultSort ?? { field: 'id', order: 'DESC' } },
    { enabled: Boolean(target) },
  );
  // A target the user cannot list cannot be picked from: type the ids.
  if (!target) return <TextInput {...common} />;
  return (
    <AutocompleteArrayInput
      {...common}
      choices={data ?? []}
      isPending={isPending}
      optionText={optionText}
      format={idsOf}
      parse={textOf}
      fullWidth
    />
  );
}

/** The referenced records as chips with their labels, each a link to the record. */
export function ReferenceIdsField({ field }: { field: FieldSchema }) {
  const record = useRecordContext();
  const target = useTarget(field);
  const optionText = useOptionText(target, field.optionLabel);
  const createPath = useCreatePath();
  const ids = idsOf(record?.[field.key]);
  const { data } = useGetMany(field.reference ?? '', { ids }, { enabled: Boolean(target) && ids.length > 0 });
  if (!ids.length) return null;
  const byId = new Map((data ?? []).map((item) => [Number(item.id), item]));
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-field={field.key}>
      {ids.map((id) => {
        const item = byId.get(id);
        const label = item ? optionText(item) : String(id);
        return target && item ? (
          <Chip
            key={id}
            size="small"
            label={label}
            component={LinkBase}
            to={createPath({ resource: target.name, id, type: 'show' })}
            onClick={(event: MouseEvent) => event.stopPropagation()}
            clickable
          />
        ) : (
          <Chip key={id} size="small" label={label} />
        );
      })}
    </Stack>
  );
}
