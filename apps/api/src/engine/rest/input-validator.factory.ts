import {
  type FieldDeclaration,
  type FieldMap,
  findIdNumberFault,
  type ResourceDeclaration,
} from '@zizhu/schema';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
  validateSync,
} from 'class-validator';
import { referenceIdType } from '../metadata/resource-registry';
import type { MessageKey } from './field-messages';
import { isInt4, isIsoDateTime, isRealDate, STRING_MAX_LENGTH } from './value-checks';

type PropertyDecorator = (target: object, propertyKey: string) => void;

/** Each constraint's message is our message key; it is rendered per language later. */
const key = (messageKey: MessageKey): ValidationOptions => ({ message: messageKey });

const REAL_DATE = ValidateBy({ name: 'realDate', validator: { validate: isRealDate } }, key('date'));
const DATE_TIME = ValidateBy({ name: 'isoDateTime', validator: { validate: isIsoDateTime } }, key('datetime'));
/** What an `integer` column holds, for fields that declare no narrower bounds. */
const INT4 = (messageKey: MessageKey) => ValidateBy({ name: 'int4', validator: { validate: isInt4 } }, key(messageKey));

function idNumberDecorators(): PropertyDecorator[] {
  const faults = ['length', 'characters', 'region', 'birthDate', 'checkDigit'] as const;
  // One constraint per fault, so the error names exactly what is wrong with the number.
  return faults.map((fault) =>
    ValidateBy(
      {
        name: `idNumber_${fault}`,
        validator: { validate: (v: unknown) => typeof v === 'string' && findIdNumberFault(v) !== fault },
      },
      key(`idNumber.${fault}`),
    ),
  );
}

function typeDecorators(field: FieldDeclaration): PropertyDecorator[] {
  const text = (): PropertyDecorator[] => [
    IsString(key('text')),
    ...(field.maxLength ? [MaxLength(field.maxLength, key('maxLength'))] : []),
    // A string column without a declared length is varchar(255); text is unbounded.
    ...(field.type === 'string' && !field.maxLength ? [MaxLength(STRING_MAX_LENGTH, key('maxLength'))] : []),
    ...(field.minLength ? [MinLength(field.minLength, key('minLength'))] : []),
    ...(field.pattern ? [Matches(new RegExp(field.pattern.regex), key('pattern'))] : []),
  ];
  switch (field.type) {
    case 'string':
    case 'text':
    case 'password':
      return text();
    case 'money':
      return [
        IsInt(key('money')),
        Min(field.min ?? -Number.MAX_SAFE_INTEGER, key('min')),
        Max(field.max ?? Number.MAX_SAFE_INTEGER, key('max')),
      ];
    case 'integer':
      return [
        IsInt(key('integer')),
        ...(field.min !== undefined ? [Min(field.min, key('min'))] : []),
        ...(field.max !== undefined ? [Max(field.max, key('max'))] : []),
        INT4('outOfRange'),
      ];
    case 'boolean':
      return [IsBoolean(key('boolean'))];
    case 'date':
      return [REAL_DATE];
    case 'datetime':
      return [DATE_TIME];
    case 'enum':
      return [IsIn((field.options ?? []).map((o) => o.value), key('option'))];
    case 'enumList':
      return [
        IsArray(key('options')),
        IsIn((field.options ?? []).map((o) => o.value), { each: true, ...key('options') }),
        ...(field.required ? [ArrayNotEmpty(key('options'))] : []),
      ];
    case 'reference':
      return referenceIdType(field) === 'integer' ? [IsInt(key('reference')), INT4('reference')] : [IsString(key('reference'))];
    case 'idNumber':
      return [IsString(key('idNumber.characters')), ...idNumberDecorators()];
    case 'phone':
      return [Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, key('phone'))];
    case 'account':
      return [Matches(/^\d{12,30}$/, key('account'))];
    case 'json':
      return field.shape?.kind === 'list' ? [IsArray(key('list'))] : [IsObject(key('object'))];
    default: {
      const unhandled: never = field.type;
      throw new Error(`No validation for field type ${String(unhandled)}`);
    }
  }
}

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
