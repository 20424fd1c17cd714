import type { CompletionRule } from '@zizhu/plans';
import type { Localized, PlanImportProblem } from '@zizhu/schema';
import type { Cell, SheetRow } from '../../../engine/imports/sheet-reader';

/**
 * A county's monthly work plan as a sheet (seed 004: 时序 | 主要工作项目内容 | 完成工作时间,
 * or 月份 | 工作任务 | 完成时限), read into draft duties for the planner to review:
 * - a cell of tasks holds numbered duties ("1. … 2. …"), each read on its own;
 * - a monthly one ("每月 20 日前更新…，28 日前上报…") becomes one monthly duty per deadline
 *   it names, once for the whole sheet (every month's row repeats it);
 * - a month-specific one is yearly, on the date its text names ("确保 5 月 25 日前完成",
 *   "11月底前") or else on the row's 完成时限 ("5 月 31 日");
 * - one whose deadline cannot be read is reported with its row and text, so nothing is lost.
 */

/** A duty read from the sheet. */
export interface SheetDuty {
  row: number;
  title: string;
  /** The whole text, when the title had to be shortened. */
  description: string | null;
  recurrence: string;
  /** A guess from the words, for the planner to confirm (manual when nothing fits). */
  completionRule: CompletionRule;
}

export interface PlanSheet {
  rows: number;
  duties: SheetDuty[];
  merged: number;
  problems: PlanImportProblem[];
}

export const TITLE_MAX = 200;

const HEADERS: Record<'month' | 'tasks' | 'deadline', readonly string[]> = {
  deadline: ['完成时限', '完成工作时间', '完成时间', '截止时间', '截止日期', '时限'],
  tasks: ['工作任务', '主要工作项目内容', '工作内容', '主要工作', '任务'],
  month: ['月份', '时序', '月度', '月'],
};

/** Rows looked at for the header. */
const HEADER_ROWS = 20;

const NO_DEADLINE: Localized = {
  zh: '未能识别完成时限：请在“完成时限”列填写日期（如“5月31日”），或在任务中写明（如“5月25日前”）',
  en: 'No deadline could be read: give a date in the deadline column (e.g. 5月31日) or in the duty (e.g. 5月25日前)',
};
const BAD_DATE: Localized = { zh: '完成时限不是有效日期', en: 'The deadline is not a valid date' };

/** Completion rules suggested by a duty's words (the planner reviews each one). */
const RULE_HINTS: readonly [RegExp, CompletionRule][] = [
  [/更新维护.*(系统|数据)|系统数据.*更新/, 'recordsUpdated'],
  [/一封信/, 'lettersDelivered'],
  [/比对/, 'comparisonDecided'],
  [/整改/, 'rectificationsClosed'],
  [/(完成|确保).{0,12}(资金)?发放|发放.{0,6}(完成|到位)/, 'rosterPaid'],
];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZH_DIGITS: Record<string, number> = { 元: 1, 正: 1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export class PlanSheetHeaderError extends Error {
  constructor() {
    super('no header row');
  }
}

/** Reads the sheet's rows; throws PlanSheetHeaderError when no header row names the three columns. */
export async function readPlanSheet(rows: AsyncIterable<SheetRow>): Promise<PlanSheet> {
  let columns: Record<keyof typeof HEADERS, number> | null = null;
  const result: PlanSheet = { rows: 0, duties: [], merged: 0, problems: [] };
  const monthly = new Set<string>();
  let month: number | null = null;
  for await (const row of rows) {
    if (!columns) {
      columns = headerColumns(row.cells);
      if (!columns && row.number >= HEADER_ROWS) break;
      continue;
    }
    const tasks = cleanText(cellText(row.cells[columns.tasks]));
    month = monthOf(cellText(row.cells[columns.month])) ?? month;
    if (!tasks) continue;
    result.rows++;
    const deadline = deadlineOf(row.cells[columns.deadline], month);
    for (const item of numberedItems(tasks)) {
      if (/^每月/.test(item)) {
        for (const duty of monthlyDuties(item, row.number)) {
          const key = duty.title.replace(/\s/g, '');
          if (monthly.has(key)) result.merged++;
          else {
            monthly.add(key);
            result.duties.push(duty);
          }
        }
        continue;
      }
      const date = dateInText(item) ?? deadline;
      if (date === 'bad') result.problems.push({ row: row.number, text: item, message: BAD_DATE });
      else if (!date) result.problems.push({ row: row.number, text: item, message: NO_DEADLINE });
      else result.duties.push(duty(row.number, item, `FREQ=YEARLY;BYMONTH=${date.month};BYMONTHDAY=${date.day}`));
    }
  }
  if (!columns) throw new PlanSheetHeaderError();
  return result;
}

function headerColumns(cells: readonly Cell[]): Record<keyof typeof HEADERS, number> | null {
  const found: Partial<Record<keyof typeof HEADERS, number>> = {};
  cells.forEach((cell, index) => {
    const text = cellText(cell).replace(/\s/g, '');
    if (!text || text.length > 12) return;
    const kind = (Object.keys(HEADERS) as (keyof typeof HEADERS)[]).find((k) => found[k] === undefined && HEADERS[k].some((alias) => text.includes(alias)));
    if (kind) found[kind] = index;
  });
  return found.month !== undefined && found.tasks !== undefined && found.deadline !== undefined ? (found as Record<keyof typeof HEADERS, number>) : null;
}

function cellText(cell: Cell | undefined): string {
  if (cell == null) return '';
  if (cell instanceof Date) return `${cell.getUTCMonth() + 1}月${cell.getUTCDate()}日`;
  return String(cell);
}

/** Markup a converted document left in a cell dropped, spaces between Chinese words and numbers closed. */
export function cleanText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[\u3000\s]+/g, ' ')
    // …but not before an item's number ("督查 2. 每月…"), which numberedItems looks for after a space.
    .replace(/(?<=[\u4e00-\u9fff\d（）])\s+(?=[\u4e00-\u9fff\d（）])(?!\d{1,2}\s*[.．、](?!\d))/g, '')
    .trim();
}

/** "1. … 2. …" as items, numbers in order (so "1.5万元" or a year is no marker); the whole text when unnumbered. */
export function numberedItems(text: string): string[] {
  const markers: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/(^|[\s；;。，,])(\d{1,2})\s*[.．、](?!\d)\s*/g)) {
    if (Number(match[2]) !== markers.length + 1) continue;
    const start = match.index + match[1].length;
    markers.push({ start, end: match.index + match[0].length });
  }
  if (!markers.length) return [tidyItem(text)].filter(Boolean);
  return markers.map((marker, i) => tidyItem(text.slice(marker.end, markers[i + 1]?.start ?? text.length))).filter(Boolean);
}

function tidyItem(text: string): string {
  return text.trim().replace(/[；;。，,\s]+$/, '');
}

/** "元月至 二月份" → 2 (a row spanning months is due in its last), "十一月" → 11, "3月" → 3. */
export function monthOf(text: string): number | null {
  const tokens = [...cleanText(text).matchAll(/(\d{1,2}|[元正一二三四五六七八九十]{1,3})\s*月/g)].map((m) => monthToken(m[1]));
  const last = tokens.filter((m): m is number => m !== null).pop();
  return last ?? null;
}

function monthToken(token: string): number | null {
  if (/^\d+$/.test(token)) return inRange(Number(token), 1, 12);
  if (token === '十') return 10;
  if (token.startsWith('十')) return inRange(10 + (ZH_DIGITS[token[1]] ?? 0), 11, 12);
  return token.length === 1 ? (ZH_DIGITS[token] ?? null) : null;
}

const inRange = (n: number, min: number, max: number) => (n >= min && n <= max ? n : null);

interface MonthDay {
  month: number;
  /** -1: the month's last day. */
  day: number;
}

function monthDay(month: number | null, day: number): MonthDay | 'bad' {
  if (month === null || (day !== -1 && (day < 1 || day > DAYS_IN_MONTH[month - 1]))) return 'bad';
  return { month, day };
}

/** A date the duty's own words give: "5 月 25 日前", "9月24日前完成", "11月底前". */
function dateInText(text: string): MonthDay | 'bad' | null {
  const exact = /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (exact) return monthDay(monthToken(exact[1]), Number(exact[2]));
  const end = /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(底|末)/.exec(text);
  if (end) return monthDay(monthToken(end[1]), -1);
  return null;
}

/** The 完成时限 cell: a date, "5 月 31 日", "2026-05-31", or "28日" in the row's month. */
function deadlineOf(cell: Cell | undefined, month: number | null): MonthDay | 'bad' | null {
  if (cell instanceof Date) return monthDay(cell.getUTCMonth() + 1, cell.getUTCDate());
  const text = cleanText(cellText(cell));
  if (!text) return null;
  const iso = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (iso) return monthDay(inRange(Number(iso[2]), 1, 12), Number(iso[3]));
  const inText = dateInText(text);
  if (inText) return inText;
  const dayOnly = /^(\d{1,2})\s*日/.exec(text);
  if (dayOnly && month !== null) return monthDay(month, Number(dayOnly[1]));
  return null;
}

/** "每月 20 日前更新…，28 日前上报…": one monthly duty per deadline, each clause its title. */
function monthlyDuties(item: string, row: number): SheetDuty[] {
  const clauses = item.split(/[，,；;]\s*(?=\d{1,2}\s*日(?:前|之前))/);
  const duties: SheetDuty[] = [];
  for (const [i, clause] of clauses.entries()) {
    const text = i === 0 ? clause : `每月${clause}`;
    const end = /^每月\s*(底|末)/.test(text);
    const day = end ? -1 : Number(/(\d{1,2})\s*日/.exec(text)?.[1]);
    if (!end && !(day >= 1 && day <= 31)) continue;
    duties.push(duty(row, tidyItem(text), `FREQ=MONTHLY;BYMONTHDAY=${day}`));
  }
  return duties.length ? duties : [duty(row, item, 'FREQ=MONTHLY;BYMONTHDAY=-1')];
}

function duty(row: number, text: string, recurrence: string): SheetDuty {
  const long = text.length > TITLE_MAX;
  return {
    row,
    title: long ? `${text.slice(0, TITLE_MAX - 1)}…` : text,
    description: long ? text : null,
    recurrence,
    completionRule: RULE_HINTS.find(([words]) => words.test(text))?.[1] ?? 'manual',
  };
}
