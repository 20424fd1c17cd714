import { Frequency, RRule } from 'rrule';
import type { Localized } from './role';

/**
 * A duty's recurrence: an RFC 5545 RRULE (`FREQ=MONTHLY;BYMONTHDAY=20`) read from a fixed
 * start date, never from "now", so the same rule and start always give the same due dates.
 * Dates are calendar dates (`YYYY-MM-DD`), computed in UTC as floating dates: no time zone
 * can move a due date by a day. Chinese public holidays are not taken into account.
 */

/** A due date and the period it closes: from the day after the previous due date (or the start) to the due date. */
export interface RecurrencePeriod {
  periodStart: string;
  dueDate: string;
}

/** Longest rule text accepted (a few BYxxx lists). */
export const RECURRENCE_MAX_LENGTH = 200;

/** Due dates per period computed at most: a daily rule over a year. */
const MAX_DATES = 400;

const DAY_MS = 86_400_000;

const toDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date): string => date.toISOString().slice(0, 10);

/** `YYYY-MM-DD` plus `days`. */
export function addDays(day: string, days: number): string {
  return toDay(new Date(toDate(day).getTime() + days * DAY_MS));
}

/** The rule as stored: upper-case, no `RRULE:` prefix, no spaces. */
export function normalizeRecurrence(rule: string): string {
  return rule.trim().replace(/^RRULE:/i, '').replace(/\s+/g, '').toUpperCase();
}

const FINEST = Frequency.DAILY;

/** Why the rule cannot be used (unreadable, no FREQ, finer than daily, its own DTSTART), or null. */
export function recurrenceProblem(rule: string): Localized | null {
  const text = normalizeRecurrence(rule);
  if (!text) return { zh: '请填写重复规则', en: 'Enter the recurrence' };
  if (text.length > RECURRENCE_MAX_LENGTH) return { zh: `重复规则不能超过 ${RECURRENCE_MAX_LENGTH} 个字符`, en: `At most ${RECURRENCE_MAX_LENGTH} characters` };
  if (!/(^|;)FREQ=/.test(text)) return { zh: '重复规则须以 FREQ= 指定频率（如 FREQ=MONTHLY;BYMONTHDAY=20）', en: 'The rule needs FREQ= (e.g. FREQ=MONTHLY;BYMONTHDAY=20)' };
  if (/(^|;)DTSTART/.test(text)) return { zh: '开始日期请填在“开始日期”中，不要写在规则里', en: 'Give the start in the start date, not in the rule' };
  let options;
  try {
    options = RRule.parseString(text);
  } catch {
    return { zh: '无法识别的重复规则（RFC 5545 RRULE，如 FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25）', en: 'Not a readable RFC 5545 RRULE (e.g. FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=25)' };
  }
  if (options.freq === undefined || options.freq > FINEST) return { zh: '频率最细为每天（DAILY）', en: 'The finest frequency is DAILY' };
  if (options.byhour != null || options.byminute != null || options.bysecond != null) return { zh: '规则只按日期重复，不能指定时分秒', en: 'Rules repeat by date: no hours, minutes or seconds' };
  try {
    if (!recurrenceDates(text, '2000-01-01', '2003-12-31').length) return { zh: '该规则在四年内没有任何日期（如2月30日）', en: 'This rule gives no date in four years (e.g. 30 February)' };
  } catch {
    return { zh: '无法识别的重复规则', en: 'Not a readable recurrence rule' };
  }
  return null;
}

function ruleFrom(rule: string, start: string): RRule {
  return new RRule({ ...RRule.parseString(normalizeRecurrence(rule)), dtstart: toDate(start) });
}

/** Due dates from `start` (inclusive) through `until` (inclusive), at most MAX_DATES. */
export function recurrenceDates(rule: string, start: string, until: string): string[] {
  if (until < start) return [];
  const dates = ruleFrom(rule, start).between(toDate(start), toDate(until), true, (_date, i) => i < MAX_DATES);
  return dates.map(toDay);
}

/** Each due date through `until` with its period (the first period begins at `start`). */
export function recurrencePeriods(rule: string, start: string, until: string): RecurrencePeriod[] {
  const dates = recurrenceDates(rule, start, until);
  return dates.map((dueDate, i) => ({ periodStart: i === 0 ? start : addDays(dates[i - 1], 1), dueDate }));
}

/** The next `count` due dates after `after` (exclusive), looking at most `horizonDays` ahead: the picker's preview. */
export function nextRecurrenceDates(rule: string, start: string, after: string, count: number, horizonDays = 800): string[] {
  const from = after < start ? addDays(start, -1) : after;
  return recurrenceDates(rule, start, addDays(from, horizonDays))
    .filter((day) => day > from)
    .slice(0, count);
}

/** Picker presets: the shapes a work plan's duties take (seed 004), each a rule builder. */
export type RecurrenceKind = 'monthly' | 'quarterEnd' | 'yearly' | 'weekly' | 'custom';

export interface RecurrenceChoice {
  kind: RecurrenceKind;
  /** monthly: day of the month (1–31, -1 the last day); yearly: day of `month`. */
  day?: number;
  month?: number;
  /** weekly: MO … SU. */
  weekday?: string;
  /** custom: the raw rule. */
  rule?: string;
}

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The rule a picker choice stands for. */
export function recurrenceRule(choice: RecurrenceChoice): string {
  switch (choice.kind) {
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${choice.day ?? 20}`;
    case 'quarterEnd':
      return 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1';
    case 'yearly':
      return `FREQ=YEARLY;BYMONTH=${choice.month ?? 1};BYMONTHDAY=${choice.day ?? 1}`;
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${choice.weekday ?? 'FR'}`;
    case 'custom':
      return normalizeRecurrence(choice.rule ?? '');
  }
}

/** A stored rule read back as the picker's choice (a rule no preset makes is `custom`). */
export function recurrenceChoice(rule: string | null | undefined): RecurrenceChoice {
  const text = normalizeRecurrence(rule ?? '');
  let match = /^FREQ=MONTHLY;BYMONTHDAY=(-1|[1-9]|[12]\d|3[01])$/.exec(text);
  if (match) return { kind: 'monthly', day: Number(match[1]) };
  if (text === 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1') return { kind: 'quarterEnd' };
  match = /^FREQ=YEARLY;BYMONTH=([1-9]|1[0-2]);BYMONTHDAY=(-1|[1-9]|[12]\d|3[01])$/.exec(text);
  if (match) return { kind: 'yearly', month: Number(match[1]), day: Number(match[2]) };
  match = /^FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)$/.exec(text);
  if (match) return { kind: 'weekly', weekday: match[1] };
  return { kind: 'custom', rule: text };
}

const ZH_WEEKDAYS: Record<string, string> = { MO: '一', TU: '二', WE: '三', TH: '四', FR: '五', SA: '六', SU: '日' };
const EN_WEEKDAYS: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

const zhDay = (day: number) => (day === -1 ? '最后一天' : `${day}日`);
const enDay = (day: number) => (day === -1 ? 'the last day' : `day ${day}`);

/** How a rule reads to a person (每月20日, 每年5月25日); a custom rule reads as itself. */
export function describeRecurrence(rule: string | null | undefined): Localized {
  const choice = recurrenceChoice(rule);
  switch (choice.kind) {
    case 'monthly':
      return { zh: `每月${zhDay(choice.day!)}`, en: `Monthly on ${enDay(choice.day!)}` };
    case 'quarterEnd':
      return { zh: '每季度末', en: 'At the end of each quarter' };
    case 'yearly':
      return { zh: `每年${choice.month}月${zhDay(choice.day!)}`, en: `Yearly on ${enDay(choice.day!)} of month ${choice.month}` };
    case 'weekly':
      return { zh: `每周${ZH_WEEKDAYS[choice.weekday!]}`, en: `Weekly on ${EN_WEEKDAYS[choice.weekday!]}` };
    case 'custom':
      return { zh: choice.rule ?? '', en: choice.rule ?? '' };
  }
}
