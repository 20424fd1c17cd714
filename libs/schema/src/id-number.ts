import type { Localized } from './role';

/**
 * Chinese resident ID numbers (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male), check character over ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** First two digits of valid GB/T 2260 province-level codes. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
  52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

export type IdNumberFault = 'length' | 'characters' | 'region' | 'birthDate' | 'checkDigit';

export const ID_NUMBER_MESSAGES: Record<IdNumberFault, Localized> = {
  length: { zh: '身份证号应为18位', en: 'An ID number has 18 characters' },
  characters: {
    zh: '身份证号只能包含数字，最后一位可为X',
    en: 'An ID number holds digits only, with X allowed as the last character',
  },
  region: { zh: '身份证号前6位不是有效的行政区划代码', en: 'The first 6 digits are not a valid region code' },
  birthDate: { zh: '身份证号中的出生日期不存在', en: 'The birth date inside the ID number does not exist' },
  checkDigit: {
    zh: '身份证号校验位错误，请核对是否录入有误',
    en: 'The check digit is wrong: the number was probably mistyped',
  },
};

/** Safe normalisation applied silently: spaces, full-width characters, lowercase x. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\s\u3000]/g, '')
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x$/, 'X');
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export interface IdNumberFacts {
  regionCode: string;
  /** ISO date, YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
}

const DAY_MS = 86_400_000;
let lastChecked: { id: string; day: number; fault: IdNumberFault | null } | null = null;

/**
 * Returns the first fault of a normalised number, or null when it is valid. Validation asks
 * once per possible fault (one message each), a million times in an import: the last
 * answer is kept (it depends on the number and, through "born in the future", on the UTC day).
 */
export function findIdNumberFault(id: string, today?: Date): IdNumberFault | null {
  if (today) return idNumberFault(id, today);
  const day = Math.floor(Date.now() / DAY_MS);
  if (lastChecked?.id === id && lastChecked.day === day) return lastChecked.fault;
  const fault = idNumberFault(id, new Date());
  lastChecked = { id, day, fault };
  return fault;
}

function idNumberFault(id: string, today: Date): IdNumberFault | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  if (!PROVINCES.has(Number(id.slice(0, 2))) || id.slice(2, 6) === '0000') return 'region';
  const birth = parseCompactDate(id.slice(6, 14));
  if (!birth || birth > today || birth.getUTCFullYear() < 1900) return 'birthDate';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

/** Facts carried by a valid number (call findIdNumberFault first). */
export function idNumberFacts(id: string): IdNumberFacts {
  const y = id.slice(6, 10);
  const m = id.slice(10, 12);
  const d = id.slice(12, 14);
  return {
    regionCode: id.slice(0, 6),
    birthDate: `${y}-${m}-${d}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

function parseCompactDate(s: string): Date | null {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}
