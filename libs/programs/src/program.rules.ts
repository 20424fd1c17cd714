import { type ConfiguredField, findConfiguredFieldsProblem, type Role, type RuleViolation } from '@zizhu/schema';

export interface ProgramTier {
  code: string;
  label: string;
  /** fen */
  amount: number;
}

export interface FundingShare {
  source: string;
  percent: number;
}

export interface ApprovalStep {
  label: string;
  role: Role;
  level: 'school' | 'township' | 'county' | 'city';
}

export interface ProgramDeadline {
  term: 'spring' | 'autumn' | 'yearly';
  monthDay: string;
}

type ProgramRecord = Readonly<Record<string, unknown>>;

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/**
 * The tier a student with a special identity gets: the one their identity type's default
 * aid tier stands for, tiers ranked by amount:
 * 最高档 (`highest`), 一档 (`tier1`) and no default the highest-paying one, 二档 and 三档 the
 * second and third (the lowest there is when the program has fewer).
 */
export function tierForAidTier(tiers: readonly ProgramTier[], aidTier: string | null): ProgramTier | undefined {
  const ranked = [...tiers].sort((a, b) => b.amount - a.amount);
  const rank = aidTier === 'tier2' ? 1 : aidTier === 'tier3' ? 2 : 0;
  return ranked[Math.min(rank, ranked.length - 1)];
}

/** Cross-field rules of a program, checked on every save (the first problem, on its input). */
export function checkProgram(record: ProgramRecord): RuleViolation | null {
  const firstYear = record.firstYear as number | null;
  const lastYear = record.lastYear as number | null;
  if (firstYear != null && lastYear != null && lastYear < firstYear) {
    return { field: 'lastYear', message: { zh: '截止年度不能早于起始年度', en: 'The last year cannot precede the first' } };
  }
  const shares = list<FundingShare>(record.fundingShares);
  const total = shares.reduce((sum, share) => sum + (Number(share.percent) || 0), 0);
  if (shares.length && total !== 100) {
    return { field: 'fundingShares', message: { zh: `分担比例合计为${total}%，须为100%`, en: `Shares total ${total} %, must be 100 %` } };
  }
  const fieldProblem = findConfiguredFieldsProblem(list<ConfiguredField>(record.applicationFields));
  if (fieldProblem) return { field: `applicationFields.${fieldProblem.index}.${fieldProblem.field}`, message: fieldProblem.message };
  const steps = list<ApprovalStep>(record.approvalSteps);
  if (steps.length && (steps[0].role !== 'school' || steps[0].level !== 'school')) {
    return { field: 'approvalSteps.0.role', message: { zh: '第一步须由学校申报（学校角色、学校层级）', en: 'The first step is the school submitting (school role, school level)' } };
  }
  const mismatched = steps.findIndex((step) => (step.role === 'school') !== (step.level === 'school'));
  if (mismatched >= 0) {
    return { field: `approvalSteps.${mismatched}.level`, message: { zh: '学校角色只在学校层级办理，其他角色不在学校层级', en: 'The school role acts at school level, other roles above it' } };
  }
  const terms = record.termKind === 'yearly' ? ['yearly'] : ['spring', 'autumn'];
  const wrongTerm = list<ProgramDeadline>(record.deadlines).findIndex((deadline) => !terms.includes(deadline.term));
  if (wrongTerm >= 0) {
    return { field: `deadlines.${wrongTerm}.term`, message: { zh: '截止日期的学期与发放周期不符', en: 'This term does not match the program’s terms' } };
  }
  const impossible = list<ProgramDeadline>(record.deadlines).findIndex((deadline) => !isCalendarDay(deadline.monthDay));
  if (impossible >= 0) {
    return { field: `deadlines.${impossible}.monthDay`, message: { zh: '没有这一天', en: 'No such day' } };
  }
  return null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** MM-DD that exists in some year (02-29 does, in leap years). */
function isCalendarDay(monthDay: string): boolean {
  const [month, day] = String(monthDay).split('-').map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

/** The deadline date of a term in a year; 02-29 falls on 02-28 in common years. */
export function deadlineDate(year: number, monthDay: string): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}
