import { type ExportCell, type ExportCellKind, FIELD_TYPES, type FieldDeclaration, type FieldDisplayHint, type Localized, type ResourceDeclaration } from '@zizhu/schema';
import type { Locale } from '../errors/locale';
import { findResource } from '../metadata/resource-registry';

export type { ExportCell, ExportCellKind } from '@zizhu/schema';

export interface ExportColumn {
  key: string;
  header: string;
  kind: ExportCellKind;
  /** Column width in characters (xlsx); the kind's default when left out. */
  width?: number;
  value(record: Readonly<Record<string, unknown>>): ExportCell;
}

/** Exported datetimes are shown in Beijing time (UTC+8, no daylight saving): the platform's users are all in China. */
export const EXPORT_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

const ID_LABEL: Localized = { zh: '编号', en: 'ID' };

/** The key under which the export query returns a reference's label (the target's recordLabel). */
export function referenceLabelKey(key: string): string {
  return `ref:${key}`;
}

/**
 * Every readable field in declaration order, after `id`: the same columns and labels the
 * panel shows, with enum labels instead of stored values and referenced records by name.
 */
export function exportColumns(resource: ResourceDeclaration, locale: Locale): ExportColumn[] {
  const columns: ExportColumn[] = [];
  if (!resource.fields.id) {
    columns.push({ key: 'id', header: ID_LABEL[locale], kind: resource.idType === 'integer' ? 'number' : 'code', value: (r) => cellOf(r.id) });
  }
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.writeOnly || !FIELD_TYPES[field.type].export || field.display === 'ownView') continue;
    columns.push(fieldColumn(key, field, locale));
  }
  return columns;
}

/** A field's column: as its display hint says, else as its field type writes it (FIELD_TYPES). */
function fieldColumn(key: string, field: FieldDeclaration, locale: Locale): ExportColumn {
  const header = field.label[locale];
  if (field.display) return { key, header, kind: 'text', value: (r) => text(hinted(field.display!, r[key], locale)) };
  const spec = FIELD_TYPES[field.type].export;
  if (!spec) throw new Error(`${field.type} fields are never exported`);
  const labelKey = referenceLabelKey(key);
  return { key, header, kind: spec.kind, value: (r) => spec.cell(r[key], field, { locale, referenceLabel: r[labelKey] }) };
}

/** A value shown as its declaration's display hint says, as the panel shows it. */
function hinted(display: FieldDisplayHint, value: unknown, locale: Locale): unknown {
  if (value == null) return null;
  switch (display) {
    case 'resourceName':
      return findResource(String(value))?.label[locale] ?? value;
    case 'localizedText': {
      const texts = value as Partial<Record<Locale, unknown>>;
      return typeof value === 'object' ? (texts[locale] ?? JSON.stringify(value)) : value;
    }
    case 'ownView':
      return null; // never a column (see exportColumns)
    case 'referenceIds':
      return value; // the ids as stored ("3,5"): a file re-imports as it was exported
    case 'fundExceptionKey':
      return value; // the key itself: finance pastes it into the exceptions API and filters
    default: {
      const unhandled: never = display;
      throw new Error(`No export mapping for display ${String(unhandled)}`);
    }
  }
}

function text(value: unknown): string | null {
  if (value == null || value === '') return null;
  return String(value);
}

function cellOf(value: unknown): ExportCell {
  return typeof value === 'number' ? value : text(value);
}

/** `YYYY-MM-DD HH:mm:ss` in Beijing time. */
export function formatDateTime(value: Date): string {
  return new Date(value.getTime() + EXPORT_UTC_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Today's date in Beijing time, for file names. */
export function exportDate(now = new Date()): string {
  return new Date(now.getTime() + EXPORT_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
