import type { RecordHistoryEntry } from '@zizhu/schema';

export interface HistoryChange {
  key: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What a history line changed, field by field: with both snapshots, the fields that differ
 * (version and timestamps aside); with one (an import's before-image, a creation), its fields.
 */
export function historyChanges(entry: Pick<RecordHistoryEntry, 'before' | 'after'>): HistoryChange[] {
  const { before, after } = entry;
  const ignored = new Set(['version', 'createdAt', 'updatedAt']);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((key) => !ignored.has(key));
  if (before && after) return keys.filter((key) => !same(before[key], after[key])).map((key) => ({ key, before: before[key], after: after[key] }));
  return keys.map((key) => ({ key, before: before?.[key], after: after?.[key] }));
}
