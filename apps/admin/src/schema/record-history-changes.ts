import type { RecordHistoryEntry } from '@zizhu/schema';

export interface HistoryChange {
  key: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const IGNORED = new Set(['version', 'createdAt', 'updatedAt']);

/**
 * What a history line changed, field by field: with both snapshots, the fields that differ
 * (version and timestamps aside); with one (a creation), its fields.
 */
export function historyChanges(entry: Pick<RecordHistoryEntry, 'before' | 'after'>): HistoryChange[] {
  const { before, after } = entry;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((key) => !IGNORED.has(key));
  if (before && after) return keys.filter((key) => !same(before[key], after[key])).map((key) => ({ key, before: before[key], after: after[key] }));
  return keys.map((key) => ({ key, before: before?.[key], after: after?.[key] }));
}

/**
 * An import keeps no after-image: the values an import update wrote are what the next newer
 * line replaced, or the record as it is now. Given the history newest first and the record,
 * each import update gets its `after` (for the fields its `before` holds), so it reads like
 * any edit: field, old → new.
 */
export function withImportAfterImages(entries: RecordHistoryEntry[], current: Record<string, unknown>): RecordHistoryEntry[] {
  let later: Record<string, unknown> = { ...current };
  return entries.map((entry) => {
    const filled =
      entry.importId !== null && entry.before && !entry.after
        ? { ...entry, after: Object.fromEntries(Object.keys(entry.before).map((key) => [key, later[key]])) }
        : entry;
    if (entry.before) later = { ...later, ...entry.before };
    return filled;
  });
}
