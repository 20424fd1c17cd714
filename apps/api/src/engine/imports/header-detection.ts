import { FIELD_TYPES, type FieldDeclaration, type ImportColumn, type ResourceDeclaration } from '@zizhu/schema';
import type { Cell, SheetRow } from './sheet-reader';

/** How far down a file the header row may sit (title rows, "填报单位…" lines). */
export const HEADER_SEARCH_ROWS = 30;

/** Fields a file may fill: writable ones, and derived ones (checked against the ID number). */
export function importableFields(resource: ResourceDeclaration): [string, FieldDeclaration][] {
  const derived = new Set(
    Object.values(resource.fields).flatMap((f) => (f.derives ? Object.values(f.derives) : [])),
  );
  return Object.entries(resource.fields).filter(
    ([key, f]) => !f.writeOnly && FIELD_TYPES[f.type].importable && (!f.readOnly || derived.has(key)),
  );
}

/** Header text compared loosely: no spaces, no required-marks, no line breaks, no case. */
export function headerKey(cell: Cell): string {
  return String(cell ?? '')
    .replace(/[\s\u3000*＊:：()（）]/g, '')
    .toLowerCase();
}

/** Every name a column may carry for each field: its key, both labels, and its aliases. */
export function headerNames(resource: ResourceDeclaration): Map<string, string> {
  const names = new Map<string, string>();
  for (const [key, field] of importableFields(resource)) {
    for (const name of [key, field.label.zh, field.label.en, ...(field.aliases ?? [])]) {
      const normalized = headerKey(name);
      if (!names.has(normalized)) names.set(normalized, key);
    }
  }
  return names;
}

export interface DetectedHeader {
  headerRow: number;
  columns: ImportColumn[];
}

/**
 * The header is the row, among the first ones, whose cells name the most fields; on a tie
 * the later row wins (a template's hidden row of field keys sits under its labels).
 */
export function detectHeader(resource: ResourceDeclaration, rows: SheetRow[]): DetectedHeader | null {
  const names = headerNames(resource);
  let best: { row: SheetRow; score: number; above?: SheetRow } | null = null;
  let previous: { row: SheetRow; score: number } | null = null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const score = new Set(row.cells.map((c) => names.get(headerKey(c))).filter(Boolean)).size;
    if (score > 0 && (!best || score >= best.score)) {
      best = { row, score, above: previous?.score === score ? previous.row : undefined };
    }
    previous = { row, score };
  }
  if (!best) return null;
  // Show the labels a person reads, not the hidden key row under them.
  const labels = best.above?.cells ?? best.row.cells;
  const used = new Set<string>();
  const columns = best.row.cells.map((cell, i): ImportColumn => {
    const field = names.get(headerKey(cell)) ?? null;
    const free = field && !used.has(field) ? field : null;
    if (free) used.add(free);
    // A NUL cannot be stored in the mapping (jsonb) nor in error rows (COPY text).
    return { index: i + 1, header: String(labels[i] ?? cell ?? '').replace(/\u0000/g, '').trim(), field: free };
  });
  return { headerRow: best.row.number, columns: columns.filter((c) => c.header !== '' || c.field) };
}
