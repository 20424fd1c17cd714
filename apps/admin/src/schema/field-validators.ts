import { findIdNumberFault, formatYuan, isMasked, normalizeIdNumber, type FieldSchema } from '@zizhu/schema';
import { maxLength, maxValue, minLength, minValue, regex, required, type Validator } from 'react-admin';
import { patternKey } from './schema-messages';

/** A masked value coming back unchanged is ignored by the server, so it is never "invalid". */
const unlessMasked =
  (validator: Validator): Validator =>
  (value, values, props) =>
    isMasked(value) ? undefined : validator(value, values, props);

const idNumberFormat: Validator = (value) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const fault = findIdNumberFault(normalizeIdNumber(value));
  return fault ? `zizhu.idNumber.${fault}` : undefined;
};

/** Money is bounded in fen but typed in yuan: the message names the bound in yuan (不小于 0.01, not 1). */
const boundInYuan =
  (validator: Validator, bound: 'min' | 'max', fen: number): Validator =>
  (value, values, props) => {
    const error = validator(value, values, props);
    if (typeof error !== 'object' || error === null || !('args' in error)) return error;
    return { ...error, args: { ...error.args, [bound]: formatYuan(fen, { grouped: true }) } };
  };

/** Client-side mirror of the schema's rules; the server checks them again. */
export function fieldValidators(
  resource: string,
  field: FieldSchema,
  mode: 'create' | 'edit',
  messageKey: string = field.key,
): Validator[] {
  const validators: Validator[] = [];
  if (field.minLength !== undefined) validators.push(minLength(field.minLength));
  if (field.maxLength !== undefined) validators.push(maxLength(field.maxLength));
  if (field.min !== undefined) validators.push(field.type === 'money' ? boundInYuan(minValue(field.min), 'min', field.min) : minValue(field.min));
  if (field.max !== undefined) validators.push(field.type === 'money' ? boundInYuan(maxValue(field.max), 'max', field.max) : maxValue(field.max));
  if (field.pattern) validators.push(regex(new RegExp(field.pattern.regex), patternKey(resource, messageKey)));
  if (field.type === 'idNumber') validators.push(idNumberFormat);
  const format = field.sensitive ? validators.map(unlessMasked) : validators;
  // An empty password on edit means "keep the current one". `required()` stays unwrapped so
  // react-admin still sees it and marks the label with an asterisk.
  return field.required && !(field.type === 'password' && mode === 'edit') ? [required(), ...format] : format;
}
