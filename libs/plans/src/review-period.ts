import type { Localized } from '@zizhu/schema';
import type { ReviewKind } from './review.enums';

/** The days a review covers (`YYYY-MM-DD`, both included), its key and its name. */
export interface ReviewPeriod {
  start: string;
  end: string;
  /** `2026-05`, `2026-Q3`: one review per plan, region and key. */
  key: string;
  /** 2026年5月 / 2026年第三季度. */
  label: Localized;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1–12). */
function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** A month (1–12) of a year, or a quarter (1–4): its first and last day. */
export function reviewPeriod(kind: ReviewKind, year: number, period: number): ReviewPeriod {
  if (kind === 'monthly') {
    return {
      start: `${year}-${pad(period)}-01`,
      end: lastDay(year, period),
      key: `${year}-${pad(period)}`,
      label: { zh: `${year}年${period}月`, en: `${MONTH_NAMES[period - 1]} ${year}` },
    };
  }
  return {
    start: `${year}-${pad(period * 3 - 2)}-01`,
    end: lastDay(year, period * 3),
    key: `${year}-Q${period}`,
    label: { zh: `${year}年第${QUARTER_NAMES[period - 1]}季度`, en: `Q${period} ${year}` },
  };
}

/** A review's title: 玉州区2026年5月学生资助工作月点评 / 玉州区2026年第三季度学生资助工作季通报. */
export function reviewTitle(kind: ReviewKind, regionName: string, period: ReviewPeriod): string {
  return `${regionName}${period.label.zh}学生资助工作${kind === 'monthly' ? '月点评' : '季通报'}`;
}

/** The latest day of the period the data can speak for: its end, or today while it runs. */
export function reviewAsOf(period: ReviewPeriod, today: string): string {
  return period.end < today ? period.end : today;
}
