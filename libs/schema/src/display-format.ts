import { STAGES } from './enums';
import type { CodeOfDeclaration } from './field';

/**
 * Whether an integer reads with thousands separators: not when its declaration says so
 * (`grouping: false`: years, codes), nor when it cannot reach 10,000 (a percent): 2026, not 2,026.
 */
export function integerGrouping(field: { grouping?: boolean; max?: number }): boolean {
  return field.grouping ?? (field.max === undefined || field.max >= 10_000);
}

/** Stages in school order (学前, 小学, 初中, 普高, 中职, 高校); values not known sort last, by value. */
export function compareStages(a: string, b: string): number {
  const rank = (stage: string) => {
    const index = STAGES.findIndex((s) => s.value === stage);
    return index < 0 ? STAGES.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The item's label for a code (一档 for T1), or the code itself when the list does not name it. */
export function codeLabel(items: unknown, codeOf: Pick<CodeOfDeclaration, 'key' | 'label'>, code: unknown): string {
  const text = code == null ? '' : String(code);
  if (!Array.isArray(items)) return text;
  const item = items.find((candidate) => candidate && typeof candidate === 'object' && String((candidate as Record<string, unknown>)[codeOf.key]) === text);
  const label = item ? (item as Record<string, unknown>)[codeOf.label] : undefined;
  return typeof label === 'string' && label ? label : text;
}

/** What a reconciliation exception's key (`overAllocation:2:2026:spring:450903:central`) says, part by part. */
export type FundExceptionKeyParts =
  | { kind: 'overAllocation'; programId: number; year: number; term: string; regionId: string | null; source: string }
  | { kind: 'paidTwice'; programId: number; year: number; term: string; studentId: number }
  | { kind: 'noApprovedEntry' | 'amountMismatch' | 'notEnrolled'; lineId: number };

/** The parts of an exception key as the funds module writes them; null for anything else. */
export function parseFundExceptionKey(key: unknown): FundExceptionKeyParts | null {
  if (typeof key !== 'string') return null;
  const [kind, ...rest] = key.split(':');
  const id = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : null);
  switch (kind) {
    case 'overAllocation': {
      const [program, year, term, region, source] = rest;
      const programId = id(program);
      const yearValue = id(year);
      if (rest.length !== 5 || programId === null || yearValue === null || !term || !region || !source) return null;
      return { kind, programId, year: yearValue, term, regionId: region === 'city' ? null : region, source };
    }
    case 'paidTwice': {
      const [program, year, term, student] = rest;
      const [programId, yearValue, studentId] = [id(program), id(year), id(student)];
      if (rest.length !== 4 || programId === null || yearValue === null || studentId === null || !term) return null;
      return { kind, programId, year: yearValue, term, studentId };
    }
    case 'noApprovedEntry':
    case 'amountMismatch':
    case 'notEnrolled': {
      const lineId = id(rest[0]);
      return rest.length === 1 && lineId !== null ? { kind, lineId } : null;
    }
    default:
      return null;
  }
}
