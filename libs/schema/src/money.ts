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

/** "1234.50" — the yuan text of an amount in fen; `grouped`: "1,234.50" for reading. */
export function formatYuan(fen: number, { grouped = false } = {}): string {
  return hundredths(fen, grouped);
}

/** "87.50%" — a rate in basis points (10000 = 100 %). */
export function formatBasisPoints(bp: number): string {
  return `${hundredths(bp, false)}%`;
}

/** An integer count of hundredths as decimal text, by integer division only. */
function hundredths(value: number, grouped: boolean): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = String(Math.floor(abs / 100));
  return `${sign}${grouped ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** A number as Excel stores it (123.45) in its shortest decimal text; exponents are not amounts. */
function numberText(value: number): string {
  return String(value);
}
