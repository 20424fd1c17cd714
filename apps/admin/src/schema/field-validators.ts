import { isMasked, type FieldSchema } from '@zizhu/schema';
import { maxLength, maxValue, minLength, minValue, regex, required, type Validator } from 'react-admin';
import { FIELD_WIDGETS } from './field-widgets';
import { patternKey } from './schema-messages';

/** A masked value coming back unchanged is ignored by the server, so it is never "invalid". */
const unlessMasked =
  (validator: Validator): Validator =>
  (value, values, props) =>
    isMasked(value) ? undefined : validator(value, values, props);

/** A bound named as the user types the value (money: in yuan, 不小于 0.01, not 1). */
const boundAs =
  (validator: Validator, bound: 'min' | 'max', text: string): Validator =>
  (value, values, props) => {
    const error = validator(value, values, props);
    if (typeof error !== 'object' || error === null || !('args' in error)) return error;
    return { ...error, args: { ...error.args, [bound]: text } };
  };

/** Client-side mirror of the schema's rules; the server checks them again. */
export function fieldValidators(
  resource: string,
  field: FieldSchema,
  mode: 'create' | 'edit',
  messageKey: string = field.key,
): Validator[] {
  const widget = FIELD_WIDGETS[field.type];
  const bounded = (validator: Validator, bound: 'min' | 'max', value: number): Validator =>
    widget.boundText ? boundAs(validator, bound, widget.boundText(value)) : validator;
  const validators: Validator[] = [];
  if (field.minLength !== undefined) validators.push(minLength(field.minLength));
  if (field.maxLength !== undefined) validators.push(maxLength(field.maxLength));
  if (field.min !== undefined) validators.push(bounded(minValue(field.min), 'min', field.min));
  if (field.max !== undefined) validators.push(bounded(maxValue(field.max), 'max', field.max));
  if (field.pattern) validators.push(regex(new RegExp(field.pattern.regex), patternKey(resource, messageKey)));
  if (widget.validate) validators.push(widget.validate);
  const checks = field.sensitive ? validators.map(unlessMasked) : validators;
  // An empty password on edit means "keep the current one". `required()` stays unwrapped so
  // react-admin still sees it and marks the label with an asterisk.
  return field.required && !(field.type === 'password' && mode === 'edit') ? [required(), ...checks] : checks;
}
