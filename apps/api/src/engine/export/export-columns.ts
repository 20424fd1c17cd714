import {
  type ConfiguredField,
  CONFIGURED_TYPES,
  configuredDeclaration,
  type ExportCell,
  type ExportCellKind,
  FIELD_TYPES,
  type FieldDeclaration,
  type FieldDisplayHint,
  type Localized,
  type ResourceDeclaration,
} from '@zizhu/schema';
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

/** The key under which the export query returns the definitions a `values` field answers. */
export function definitionsKey(key: string): string {
  return `defs:${key}`;
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
  if (field.shape?.kind === 'values') return { key, header, kind: 'text', value: (r) => answersText(r[key], r[definitionsKey(key)], locale) };
  const spec = FIELD_TYPES[field.type].export;
  if (!spec) throw new Error(`${field.type} fields are never exported`);
  const labelKey = referenceLabelKey(key);
  return { key, header, kind: spec.kind, value: (r) => spec.cell(r[key], field, { locale, referenceLabel: r[labelKey] }) };
}

/**
 * Configured answers as one readable cell (家庭人口：4；困难类型：因病), in the form's order: each
 * labelled by its definition and written as its field type writes a cell; an answer without a definition
 * (left from an older form) keeps its key and its value.
 */
function answersText(answers: unknown, definitions: unknown, locale: Locale): string | null {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return text(answers == null ? null : JSON.stringify(answers));
  const known = new Map((Array.isArray(definitions) ? (definitions as ConfiguredField[]) : []).map((d) => [d.key, d]));
  const given = answers as Record<string, unknown>;
  // In the form's order (jsonb keeps keys in an order of its own), then answers no definition names.
  const keys = [...[...known.keys()].filter((key) => key in given), ...Object.keys(given).filter((key) => !known.has(key))];
  const parts = keys.map((answerKey) => {
    const value = given[answerKey];
    const definition = known.get(answerKey);
    if (!definition || !CONFIGURED_TYPES[definition.type]) return `${answerKey}${ANSWER_SEPARATOR[locale]}${typeof value === 'string' ? value : JSON.stringify(value)}`;
    const field = configuredDeclaration(definition);
    const cell = FIELD_TYPES[field.type].export?.cell(value, field, { locale }) ?? null;
    return `${definition.label}${ANSWER_SEPARATOR[locale]}${cell instanceof Date ? cell.toISOString() : (cell ?? '')}`;
  });
  return text(parts.join(ANSWERS_SEPARATOR[locale]));
}

const ANSWER_SEPARATOR: Record<Locale, string> = { zh: '：', en: ': ' };
const ANSWERS_SEPARATOR: Record<Locale, string> = { zh: '；', en: '; ' };

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
