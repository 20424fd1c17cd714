import { columnName, type ConfiguredField, type Localized, type ResourceDeclaration } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { requireResource } from '../metadata/resource-registry';
import { checkConfiguredAnswers } from './json-shape.validator';

type Row = Record<string, unknown>;

/**
 * Answers to configured fields (json fields of shape `values`), checked on every write
 * that sets them or moves the record to another definitions record: the definitions are
 * read from the record the `via` reference names (a roster's copied application fields),
 * each answer goes through its field type's checks, and the cleaned answers replace the
 * sent ones in `values`. Runs after the references are checked, so the definitions read
 * are ones the user may see. Errors are keyed `<field>.<answer key>` (422).
 */
export async function checkConfiguredValues(manager: EntityManager, resource: ResourceDeclaration, values: Row, existing?: Row): Promise<void> {
  const errors: Record<string, Localized> = {};
  const record = { ...existing, ...values };
  for (const [key, field] of Object.entries(resource.fields)) {
    const shape = field.shape;
    if (shape?.kind !== 'values' || field.readOnly) continue;
    if (existing && !(key in values) && !(shape.via in values)) continue;
    const id = record[shape.via];
    if (id == null) continue;
    const target = requireResource(resource.fields[shape.via].reference ?? '');
    const [row] = await manager.query(`SELECT "${columnName(shape.field, target.fields[shape.field])}" AS definitions FROM "${target.table}" WHERE id = $1`, [id]);
    const definitions: ConfiguredField[] = Array.isArray(row?.definitions) ? row.definitions : [];
    const optional = shape.optionalWhen !== undefined && record[shape.optionalWhen.field] === shape.optionalWhen.equals;
    const checked = checkConfiguredAnswers(key, definitions, record[key], optional);
    values[key] = checked.value;
    Object.assign(errors, checked.errors);
  }
  if (Object.keys(errors).length) throw ApiException.validation(errors);
}
