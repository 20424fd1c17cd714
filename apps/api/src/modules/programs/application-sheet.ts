import type { ProgramTier } from '@zizhu/programs';
import {
  type ConfiguredField,
  configuredOptions,
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
  for (const field of roster.applicationFields) fields[answerKey(field.key)] = answerColumn(field);
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

function answerColumn(field: ConfiguredField): FieldDeclaration {
  const common = { label: { zh: field.label, en: field.label }, required: field.required === true, aliases: [field.key] };
  switch (field.type) {
    case 'text':
      return { ...common, type: 'string', maxLength: 500 };
    // Kept as text here; the configured-field check reads the number and names the fault.
    case 'number':
      return { ...common, type: 'string', maxLength: 40 };
    case 'boolean':
      return { ...common, type: 'boolean' };
    case 'date':
      return { ...common, type: 'date' };
    case 'select':
      return { ...common, type: 'enum', options: configuredOptions(field).map((o) => ({ value: o, label: { zh: o, en: o } })) };
    default: {
      const unhandled: never = field.type;
      throw new Error(`No sheet column for ${String(unhandled)}`);
    }
  }
}
