import { isMasked, type FieldSchema } from '@zizhu/schema';
import { maxLength, maxValue, minLength, minValue, regex, required, type Validator } from 'react-admin';
import { FIELD_WIDGETS } from './field-widgets';
import { patternKey } from './schema-messages';

/** A masked value coming back unchanged is ignored by the server, so it is never "invalid". */
const unlessMasked =
  (validator: Validator): Validator =>
  (value, values, props) =>
    isMasked(value) ? undefined : validator(value, values, props);

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
  if (field.min !== undefined) validators.push(minValue(field.min));
  if (field.max !== undefined) validators.push(maxValue(field.max));
  if (field.pattern) validators.push(regex(new RegExp(field.pattern.regex), patternKey(resource, messageKey)));
  const format = FIELD_WIDGETS[field.type].validate;
  if (format) validators.push(format);
  const checks = field.sensitive ? validators.map(unlessMasked) : validators;
  // An empty password on edit means "keep the current one". `required()` stays unwrapped so
  // react-admin still sees it and marks the label with an asterisk.
  return field.required && !(field.type === 'password' && mode === 'edit') ? [required(), ...checks] : checks;
}
