import { ValidateBy, type ValidationOptions } from 'class-validator';
import { INT4_MAX } from './value-checks';

/** A record's integer id as a body sends it: a whole number 1…2^31−1 (or those digits as text). */
export function isRecordId(value: unknown): boolean {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= INT4_MAX;
}

export function IsRecordId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isRecordId', validator: { validate: isRecordId } }, options);
}

/** Text with something in it once trimmed (a reason, a comment). */
export function IsFilled(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isFilled', validator: { validate: (value: unknown) => typeof value === 'string' && value.trim() !== '' } }, options);
}
