import type { Localized } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';

/** The school and moment a data item is computed for (the inspection's start). */
export interface DataItemContext {
  schoolId: number;
  /** China's date, `YYYY-MM-DD`. */
  today: string;
}

/**
 * 数据项: a value the platform computes for the inspected school when an inspection starts,
 * frozen into it; the inspector confirms it or records a discrepancy. One set-based query each.
 */
export interface DataItem {
  code: string;
  label: Localized;
  unit: Localized;
  compute(manager: EntityManager, context: DataItemContext): Promise<number | null>;
}

/** The term under way on a date: spring March–August, autumn September–February (the autumn term starts the school year). */
export function currentTerm(today: string): { year: number; term: 'spring' | 'autumn' } {
  const [year, month] = today.split('-').map(Number);
  if (month >= 3 && month <= 8) return { year, term: 'spring' };
  return { year: month >= 9 ? year : year - 1, term: 'autumn' };
}

/** A share in percent with one decimal, or null when there is nothing to count. */
export function percent(part: unknown, whole: unknown): number | null {
  const total = Number(whole);
  if (!total) return null;
  return Math.round((Number(part) * 1000) / total) / 10;
}
