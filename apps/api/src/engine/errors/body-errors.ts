import type { Localized } from '@zizhu/schema';
import type { ValidationError, ValidationOptions } from 'class-validator';

const UNKNOWN_FIELD: Localized = { zh: '不接受该字段', en: 'This field is not accepted here' };

interface Refusal {
  message: Localized;
  /** The field the error is keyed by, when the form names it otherwise than the body. */
  field?: string;
}

/**
 * Options for a class-validator decorator whose refusal reads in both languages, keyed by
 * the property (or by `field`: the input the panel's form shows it on).
 */
export function says(message: Localized, options: ValidationOptions = {}, field?: string): ValidationOptions {
  const refusal: Refusal = { message, field };
  return { ...options, message: message.en, context: refusal };
}

/**
 * class-validator's errors keyed by field, one message each: the localized one a
 * decorator carries (`says`), else its English text; an undeclared field is named as such.
 */
export function bodyFieldErrors(errors: readonly ValidationError[]): Record<string, Localized> {
  return Object.fromEntries(
    errors.map((error) => {
      const [constraint, text] = Object.entries(error.constraints ?? {})[0] ?? ['', 'invalid'];
      if (constraint === 'whitelistValidation') return [error.property, UNKNOWN_FIELD];
      const refusal = error.contexts?.[constraint] as Refusal | undefined;
      return refusal ? [refusal.field ?? error.property, refusal.message] : [error.property, { zh: text, en: text }];
    }),
  );
}
