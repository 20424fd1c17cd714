import type { Localized } from '@zizhu/schema';

export const AID_QUERY_MESSAGES = {
  nameRequired: { zh: '请输入学生姓名', en: "Enter the student's name" },
  nameTooLong: { zh: '姓名不超过 50 个字', en: 'A name has at most 50 characters' },
  idNumberRequired: { zh: '请输入学生的身份证号', en: "Enter the student's ID number" },
  idNumberTooLong: { zh: '身份证号应为 18 位', en: 'An ID number has 18 characters' },
  challengeRequired: { zh: '查询失败次数较多，请先完成验证（计算图中算式）后再查询', en: 'After several unsuccessful queries, answer the check (the sum in the picture) first' },
  challengeWrong: { zh: '验证答案不正确或已过期，请重新计算图中算式', en: 'The check was answered wrongly or has expired: answer the new one' },
  tooMany: (minutes: number): Localized => ({
    zh: `查询过于频繁，请 ${minutes} 分钟后再试`,
    en: `Too many queries: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
  }),
} satisfies Record<string, Localized | ((minutes: number) => Localized)>;
