import type { MaskKind } from './field';

/** Characters kept in plain at each end of a masked value (SQL masks read the same widths). */
export const MASK_KEEP: Readonly<Record<MaskKind, { head: number; tail: number }>> = {
  idNumber: { head: 4, tail: 4 },
  phone: { head: 3, tail: 4 },
  account: { head: 4, tail: 4 },
};

/** `450702200803151234` → `4507**********1234`; values too short to keep anything are fully starred. */
export function maskValue(kind: MaskKind, value: string): string {
  const { head, tail } = MASK_KEEP[kind];
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(-tail);
}

export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*');
}
