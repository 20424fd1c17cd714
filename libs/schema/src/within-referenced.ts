import type { FieldDeclaration } from './field';
import type { Localized } from './role';

const LIST_SEPARATOR: Localized = { zh: '、', en: ', ' };

function fill(template: Localized, values: Record<string, Localized>): Localized {
  const render = (locale: keyof Localized) => template[locale].replace(/\{(\w+)\}/g, (whole: string, name: string) => values[name]?.[locale] ?? whole);
  return { zh: render('zh'), en: render('en') };
}

function labelOf(field: FieldDeclaration, value: string): Localized {
  return field.options?.find((o) => o.value === value)?.label ?? { zh: value, en: value };
}

/**
 * The message when `value` is not in the referenced record's `allowed` list (null: it is),
 * e.g. 该校没有初中学段（该校学段：普高）.
 */
export function withinReferencedViolation(field: FieldDeclaration, value: string, allowed: readonly string[]): Localized | null {
  if (!field.withinReferenced || allowed.includes(value)) return null;
  const labels = allowed.map((v) => labelOf(field, v));
  const none: Localized = { zh: '无', en: 'none' };
  return fill(field.withinReferenced.message, {
    value: labelOf(field, value),
    allowed: labels.length ? { zh: labels.map((l) => l.zh).join(LIST_SEPARATOR.zh), en: labels.map((l) => l.en).join(LIST_SEPARATOR.en) } : none,
  });
}

/** The message when a referenced record drops `value` from its list while `count` records use it. */
export function withinReferencedInUse(field: FieldDeclaration, value: string, count: number): Localized {
  return fill(field.withinReferenced!.inUseMessage, { value: labelOf(field, value), count: { zh: String(count), en: String(count) } });
}
