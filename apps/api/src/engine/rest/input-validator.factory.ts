import { FIELD_TYPES, type FieldDeclaration, type FieldMap, type MessageKey, type ResourceDeclaration } from '@zizhu/schema';
import { IsDefined, IsOptional, ValidateBy, ValidateIf, validateSync } from 'class-validator';
import { FIELD_ENV } from '../metadata/resource-registry';

type PropertyDecorator = (target: object, propertyKey: string) => void;

/**
 * The field type's checks (FIELD_TYPES) as class-validator constraints, in order; each
 * constraint's message is our message key, rendered per language later.
 */
function typeDecorators(field: FieldDeclaration): PropertyDecorator[] {
  return FIELD_TYPES[field.type]
    .checks(field, FIELD_ENV)
    .map((check, index) => ValidateBy({ name: `${field.type}_${index}_${check.key}`, validator: { validate: (value: unknown) => check.test(value) } }, { message: check.key }));
}

const key = (messageKey: MessageKey) => ({ message: messageKey });

/** create: a whole new record; update: changes to a stored one; patch: some fields of a
 * record that may or may not exist yet (an import row), checked field by field. */
export type InputMode = 'create' | 'update' | 'patch';

/**
 * Builds a class-validator class for a resource's writable fields. On create, required
 * fields must be present; on update, a required field that is sent must not be empty.
 */
export function buildInputClass(resource: ResourceDeclaration, mode: InputMode): new () => object {
  return buildFieldsClass(resource.name, resource.fields, mode);
}

/** The same for any field map (the items of a json list field, say). */
export function buildFieldsClass(name: string, fields: FieldMap, mode: InputMode): new () => object {
  const Input = class {};
  Object.defineProperty(Input, 'name', { value: `${name}-${mode}-input` });
  for (const [fieldKey, field] of Object.entries(fields)) {
    if (!isWritable(field, mode)) continue;
    const decorators: PropertyDecorator[] = [];
    if (field.required && mode === 'create') {
      decorators.push(IsDefined(key('required')));
    } else if (field.required) {
      // Left out = unchanged; sent empty = an error.
      decorators.push(ValidateIf((o: Record<string, unknown>) => fieldKey in o), IsDefined(key('required')));
    } else if (FIELD_TYPES[field.type].column(field, FIELD_ENV).nullable === false) {
      // Optional, but the column holds no null (a yes/no, a list): null is no value of the type.
      decorators.push(ValidateIf((o: Record<string, unknown>) => o[fieldKey] !== undefined));
    } else {
      decorators.push(IsOptional());
    }
    decorators.push(...typeDecorators(field));
    for (const decorate of decorators) decorate(Input.prototype, fieldKey);
  }
  return Input;
}

export function isWritable(field: FieldDeclaration, mode: InputMode): boolean {
  return !field.readOnly && !(mode === 'update' && field.immutable);
}

/** Runs the class and returns the first message key per failing field. Every constraint
 * here is synchronous, so the synchronous runner is used (imports call it per row). */
export function findFieldFaults(Input: new () => object, values: Record<string, unknown>): Record<string, MessageKey> {
  const instance = Object.assign(new Input(), values);
  const errors = validateSync(instance, { forbidUnknownValues: false, stopAtFirstError: true });
  const faults: Record<string, MessageKey> = {};
  for (const error of errors) {
    faults[error.property] = (Object.values(error.constraints ?? {})[0] ?? 'required') as MessageKey;
  }
  return faults;
}
