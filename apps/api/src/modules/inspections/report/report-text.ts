import { type ConfiguredField, type ConfiguredValue, configuredDeclaration, type EnumOption, FIELD_TYPES } from '@zizhu/schema';
import { formatDateTime } from '../../../engine/export/export-columns';

/** How values read in a printed report: as the panel and the exports write them, in Chinese. */

/** An option's Chinese label, or the value itself when the list does not name it. */
export function optionLabel(options: readonly EnumOption[], value: unknown): string {
  if (value == null || value === '') return '';
  return options.find((option) => option.value === value)?.label.zh ?? String(value);
}

/** An answer to a configured field as its field type exports it (是/否, a choice's label, a date); '' when unanswered. */
export function answerText(field: ConfiguredField, value: ConfiguredValue | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  const declared = configuredDeclaration(field);
  const cell = FIELD_TYPES[declared.type].export?.cell(value, declared, { locale: 'zh' }) ?? null;
  if (cell instanceof Date) return formatDateTime(cell);
  return cell == null ? '' : String(cell);
}

/** `2026-04-18 09:30` in Beijing time. */
export function chinaDateTime(value: Date | string | null): string {
  if (value == null) return '';
  return formatDateTime(new Date(value)).slice(0, 16);
}

/** A 0–100 score with one decimal (85.0), '—' when nothing was scored. */
export function scoreText(score: number | null | undefined): string {
  return score == null ? '—' : score.toFixed(1);
}

/** An item's earned share (0–1) as a percent. */
export function fractionText(fraction: number | null | undefined): string {
  return fraction == null ? '—' : `${Math.round(fraction * 100)}%`;
}
