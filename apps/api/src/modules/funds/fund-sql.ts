/** The county a scope path lies in ("450900.450902.…" → 450902), or NULL at city level. */
export const COUNTY_OF_PATH = (path: string): string =>
  `(SELECT cr.id FROM regions cr WHERE cr.id = split_part(${path}, '.', 2) AND cr.level = 'county')`;

/** Cash in any spelling a form or a clerk might use. */
export function isCash(method: unknown): boolean {
  return typeof method === 'string' && ['cash', '现金', '现金发放'].includes(method.trim().toLowerCase());
}

/** pg returns bigint (and sums of it) as text; fen stay far below 2^53, so a number is exact. */
export function fen(value: unknown): number {
  if (value == null) return 0;
  if (typeof value === 'number') return value;
  const text = String(value);
  if (!/^-?\d+$/.test(text)) throw new Error(`Not an integer amount: ${text}`);
  return Number(text);
}
