import { type LetterPayment, type LetterPlaceholder, renderLetterText } from '@zizhu/outreach';
import { TERMS } from '@zizhu/programs';
import { formatYuan } from '@zizhu/schema';

/** One aid recipient of a term as the recipients query returns them (money in fen). */
export interface LetterRecipient {
  studentId: number;
  schoolId: number;
  studentName: string;
  guardianName: string | null;
  grade: string | null;
  className: string | null;
  schoolName: string;
  /** The school's scope path: the letter's. */
  scopePath: string;
  payments: LetterPayment[];
  total: number;
}

/** What every letter of one run shares. */
export interface LetterContext {
  year: number;
  term: string;
  /** The families' query page (the QR code's link). */
  queryUrl: string;
  /** The template's region, e.g. 玉林市. */
  issuerRegion: string;
}

export interface LetterTemplateText {
  body: string;
  receiptText: string;
}

const yuan = (fen: number): string => formatYuan(fen, { grouped: true });

/** "2026年春季学期" */
export function termText(year: number, term: string): string {
  return `${year}年${TERMS.find((t) => t.value === term)?.label.zh ?? term}`;
}

/** One line per payment: "1. 高中国家助学金：1,000.00 元（2026-04-15 发放至 6217********1234）". */
export function paymentLines(payments: readonly LetterPayment[]): string {
  return payments
    .map((p, i) => {
      const to = p.account ? `至 ${p.account}` : '';
      const how = p.refunded > 0 ? `${p.date} 发放 ${yuan(p.paid)} 元${to}，已退回 ${yuan(p.refunded)} 元` : `${p.date} 发放${to}`;
      return `${i + 1}. ${p.program}：${yuan(p.amount)} 元（${how}）`;
    })
    .join('\n');
}

export function placeholderValues(recipient: LetterRecipient, context: LetterContext): Record<LetterPlaceholder, string> {
  const accounts = [...new Set(recipient.payments.map((p) => p.account).filter((a): a is string => !!a))];
  return {
    studentName: recipient.studentName,
    guardianName: recipient.guardianName?.trim() || '家长',
    schoolName: recipient.schoolName,
    className: `${recipient.grade ?? ''}${recipient.className ?? ''}`,
    term: termText(context.year, context.term),
    payments: paymentLines(recipient.payments),
    total: yuan(recipient.total),
    account: accounts.join('、'),
    queryUrl: context.queryUrl,
    issuer: `${context.issuerRegion}学生资助管理中心`,
  };
}

/** The letter's text and its 回执, as they are frozen on the letter. */
export function renderLetter(template: LetterTemplateText, recipient: LetterRecipient, context: LetterContext): { content: string; receipt: string } {
  const values = placeholderValues(recipient, context);
  return { content: renderLetterText(template.body, values), receipt: renderLetterText(template.receiptText, values) };
}
