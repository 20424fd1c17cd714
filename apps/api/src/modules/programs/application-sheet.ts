import type { ProgramTier } from '@zizhu/programs';
import {
  type ConfiguredField,
  configuredDeclaration,
  defineResource,
  type FieldDeclaration,
  type FieldMap,
  idNumberField,
  personNameField,
  type ResourceDeclaration,
} from '@zizhu/schema';

/** Column keys of a configured field in an application sheet (never clashing with the fixed ones). */
export const answerKey = (key: string) => `x_${key}`;

/**
 * The columns of one roster's application file, declared like a resource so that the
 * import engine's pieces (template, header detection, cell conversion, field checks) serve
 * it: 身份证号, 姓名 (checked against the roll), 档次 (a dropdown of the roster's tiers), each
 * extra application field, 备注. `record` is the roster as the API presents it.
 */
export function applicationSheet(record: Readonly<Record<string, unknown>>): ResourceDeclaration {
  const roster = { id: record.id as number, tiers: record.tiers as ProgramTier[], applicationFields: record.applicationFields as ConfiguredField[] };
  const fields: FieldMap = {
    idNumber: idNumberField({}),
    name: { ...personNameField(['姓名', '学生姓名']), required: false },
    tier: {
      type: 'enum',
      label: { zh: '档次', en: 'Tier' },
      required: true,
      options: roster.tiers.map((t) => ({ value: t.code, label: { zh: t.label, en: t.label } })),
      aliases: ['资助档次', '档次代码'],
    },
  };
  for (const field of roster.applicationFields) {
    const column = answerColumn(field);
    if (!column.readOnly) fields[answerKey(field.key)] = column;
  }
  fields.note = { type: 'string', label: { zh: '备注', en: 'Note' }, maxLength: 200 };
  return defineResource({
    name: `roster-${roster.id}-applications`,
    table: 'roster_entries',
    label: { zh: '受助申请', en: 'Applications' },
    recordLabel: 'name',
    idType: 'integer',
    audited: false,
    versioned: false,
    scope: { kind: 'stored' },
    access: { list: [], create: [], update: [], delete: [] },
    defaultSort: { field: 'id', order: 'ASC' },
    fields,
  });
}

/** A configured field's column: its declaration (CONFIGURED_TYPES), its header also found by its key. */
function answerColumn(field: ConfiguredField): FieldDeclaration {
  return { ...configuredDeclaration(field), aliases: [field.key] };
}
