/**
 * Money is integer fen everywhere (database bigint, API numbers); yuan with two decimals
 * only where people read or type it. Conversion works on the decimal text, never on floats.
 */
export function parseYuan(input: string | number): number | null {
  const text = (typeof input === 'number' ? numberText(input) : input).trim().replace(/[,，\s]/g, '').replace(/^¥|元$/g, '');
  const match = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** "1234.50" — the yuan text of an amount in fen. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A number as Excel stores it (123.45) in its shortest decimal text, without exponent. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return 'NaN';
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(2) : text;
}
