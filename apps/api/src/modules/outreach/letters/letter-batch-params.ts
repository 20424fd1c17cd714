import { TERMS } from '@zizhu/programs';
import type { Localized } from '@zizhu/schema';
import { ApiException } from '../../../engine/errors/api.exception';
import { LETTER_MESSAGES } from './letter-messages';

/** One school's letters of one term: what a printable batch and a 回执登记表 are of. */
export interface BatchParams {
  schoolId: number;
  year: number;
  term: string;
}

export type RawBatchQuery = Partial<Record<keyof BatchParams, unknown>>;

/**
 * `?schoolId=…&year=…&term=…`: a parameter given twice, or not written as the number it is
 * (`schoolId=abc`), is a malformed request (400); one missing or out of range is a 422 on it.
 */
export function parseBatchParams(query: RawBatchQuery): BatchParams {
  const errors: Record<string, Localized> = {};
  const single = (key: keyof BatchParams): string | undefined => {
    const value = query[key];
    if (Array.isArray(value) || (value !== undefined && typeof value !== 'string')) {
      throw ApiException.badQuery(`${key} must be given once`, `参数 ${key} 只能给一次`);
    }
    return value === '' ? undefined : value;
  };
  const integer = (key: 'schoolId' | 'year', missing: Localized, min: number, max: number): number => {
    const text = single(key);
    if (text === undefined) {
      errors[key] = missing;
      return 0;
    }
    if (!/^\d{1,10}$/.test(text)) throw ApiException.badQuery(`${key} must be a whole number`, `参数 ${key} 应为整数`);
    const value = Number(text);
    if (value < min || value > max) errors[key] = key === 'year' ? LETTER_MESSAGES.yearInvalid : LETTER_MESSAGES.schoolNotFound;
    return value;
  };
  const schoolId = integer('schoolId', LETTER_MESSAGES.schoolRequired, 1, 2147483647);
  const year = integer('year', LETTER_MESSAGES.yearInvalid, 2000, 2100);
  const term = single('term');
  if (!term || !TERMS.some((t) => t.value === term)) errors.term = LETTER_MESSAGES.termInvalid;
  if (Object.keys(errors).length) throw ApiException.validation(errors);
  return { schoolId, year, term: term! };
}
