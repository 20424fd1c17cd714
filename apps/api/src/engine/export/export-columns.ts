import type { FieldDeclaration, FieldDisplayHint, Localized, ResourceDeclaration } from '@zizhu/schema';
import type { Locale } from '../errors/locale';
import { findResource } from '../metadata/resource-registry';

/**
 * How a column is written. `code` is text that looks like a number (ID numbers, phones,
 * account numbers): always a text cell, because Excel would turn `450902200803151234`
 * into 4.50902E+17 and lose the last digits.
 */
export type ExportCellKind = 'text' | 'code' | 'number' | 'money' | 'date' | 'datetime';

/** A cell before formatting (the writers make its text formula-safe): a date is `YYYY-MM-DD`, a datetime an instant. */
export type ExportCell = string | number | Date | null;

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
const YES_NO: Record<Locale, [string, string]> = { zh: ['是', '否'], en: ['Yes', 'No'] };
const LIST_SEPARATOR: Record<Locale, string> = { zh: '、', en: ', ' };

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
    if (field.writeOnly || field.type === 'password' || field.display === 'ownView') continue;
    columns.push(fieldColumn(key, field, locale));
  }
  return columns;
}

function fieldColumn(key: string, field: FieldDeclaration, locale: Locale): ExportColumn {
  const header = field.label[locale];
  const column = (kind: ExportCellKind, value: ExportColumn['value']): ExportColumn => ({ key, header, kind, value });
  if (field.display) return column('text', (r) => text(hinted(field.display!, r[key], locale)));
  switch (field.type) {
    case 'string':
    case 'text':
      return column('text', (r) => text(r[key]));
    case 'idNumber':
    case 'phone':
    case 'account':
      return column('code', (r) => text(r[key]));
    case 'integer':
      return column('number', (r) => (typeof r[key] === 'number' ? r[key] : text(r[key])));
    case 'money':
      return column('money', (r) => (r[key] == null ? null : Number(r[key])));
    case 'boolean': {
      const [yes, no] = YES_NO[locale];
      return column('text', (r) => (r[key] == null ? null : r[key] ? yes : no));
    }
    case 'date':
      return column('date', (r) => (typeof r[key] === 'string' && r[key] ? r[key] : null));
    case 'datetime':
      return column('datetime', (r) => instant(r[key]));
    case 'enum': {
      const labels = optionLabels(field, locale);
      return column('text', (r) => (r[key] == null ? null : text(labels.get(String(r[key])) ?? r[key])));
    }
    case 'enumList': {
      const labels = optionLabels(field, locale);
      return column('text', (r) => {
        const values = r[key];
        if (!Array.isArray(values) || !values.length) return null;
        return text(values.map((v) => labels.get(String(v)) ?? String(v)).join(LIST_SEPARATOR[locale]));
      });
    }
    case 'reference': {
      const labelKey = referenceLabelKey(key);
      return column('text', (r) => text(r[labelKey] ?? r[key]));
    }
    case 'json':
      return column('text', (r) => (r[key] == null ? null : text(JSON.stringify(r[key]))));
    case 'password':
      throw new Error('password fields are never exported');
    default: {
      const unhandled: never = field.type;
      throw new Error(`No export mapping for ${String(unhandled)}`);
    }
  }
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

function optionLabels(field: FieldDeclaration, locale: Locale): Map<string, string> {
  return new Map((field.options ?? []).map((o) => [o.value, o.label[locale]]));
}

function text(value: unknown): string | null {
  if (value == null || value === '') return null;
  return String(value);
}

function cellOf(value: unknown): ExportCell {
  return typeof value === 'number' ? value : text(value);
}

function instant(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && value) return new Date(value);
  return null;
}

/** `YYYY-MM-DD HH:mm:ss` in Beijing time. */
export function formatDateTime(value: Date): string {
  return new Date(value.getTime() + EXPORT_UTC_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Today's date in Beijing time, for file names. */
export function exportDate(now = new Date()): string {
  return new Date(now.getTime() + EXPORT_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
