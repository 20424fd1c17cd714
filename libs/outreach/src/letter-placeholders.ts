import type { Localized } from '@zizhu/schema';

/**
 * The placeholders a letter template may use, each filled from what was paid to one
 * recipient (see the letters module's renderer). A template naming any other `{{…}}` is
 * refused when saved, so a typo never reaches a family as literal braces.
 */
export const LETTER_PLACEHOLDERS = {
  studentName: { zh: '学生姓名', en: "Student's name" },
  guardianName: { zh: '家长姓名（未登记时为“家长”）', en: "Guardian's name (\"家长\" when none is recorded)" },
  schoolName: { zh: '学校名称', en: 'School' },
  className: { zh: '年级班级', en: 'Grade and class' },
  term: { zh: '学年学期，如“2026年春季学期”', en: 'Year and term, e.g. 2026年春季学期' },
  payments: { zh: '资助明细，每笔一行：项目、金额、发放日期、收款账号（遮挡）', en: 'One line per payment: program, amount, date, masked account' },
  total: { zh: '合计金额（元，两位小数）', en: 'Total in yuan, two decimals' },
  account: { zh: '收款账号（遮挡，如 6217********1234）', en: 'Receiving account, masked' },
  queryUrl: { zh: '家长自助查询网址（信中二维码指向同一地址）', en: 'The families’ aid query page (the QR code links there too)' },
  issuer: { zh: '落款单位（模板所属区域）', en: "Issuer: the template's region" },
} as const satisfies Record<string, Localized>;

export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;

export const LETTER_PLACEHOLDER_NAMES = Object.keys(LETTER_PLACEHOLDERS) as LetterPlaceholder[];

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type PlaceholderProblem =
  | { kind: 'unknown'; name: string }
  /** `{{` or `}}` left without its other half. */
  | { kind: 'unbalanced' };

/** The first thing wrong with a template text's placeholders, or null. */
export function findPlaceholderProblem(text: string): PlaceholderProblem | null {
  for (const match of text.matchAll(TOKEN)) {
    if (!(LETTER_PLACEHOLDER_NAMES as string[]).includes(match[1])) return { kind: 'unknown', name: match[1] };
  }
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) return { kind: 'unbalanced' };
  return null;
}

export function placeholderProblemMessage(problem: PlaceholderProblem): Localized {
  const known = LETTER_PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(' ');
  if (problem.kind === 'unbalanced') {
    return { zh: `占位符格式有误：“{{”和“}}”须成对出现。可用占位符：${known}`, en: `A placeholder is not closed: "{{" and "}}" come in pairs. Placeholders: ${known}` };
  }
  return {
    zh: `没有“{{${problem.name}}}”这个占位符。可用占位符：${known}`,
    en: `There is no placeholder "{{${problem.name}}}". Placeholders: ${known}`,
  };
}

/** The text with every placeholder replaced by its value (the template was checked when saved). */
export function renderLetterText(text: string, values: Readonly<Record<LetterPlaceholder, string>>): string {
  return text.replace(TOKEN, (whole, name: string) => (name in values ? values[name as LetterPlaceholder] : whole));
}
