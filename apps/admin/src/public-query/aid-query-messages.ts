import type { Localized } from '@zizhu/schema';

/** The families' page texts (`zizhu.aidQuery.*`). */
export const AID_QUERY_TEXTS = {
  title: { zh: '学生资助发放查询', en: 'Student aid: what was paid' },
  intro: {
    zh: '请输入学生姓名和完整的18位身份证号，查询该学生获得的资助资金（项目、学期、金额、发放日期）。本页不需要登录，查询记录会被保存。',
    en: "Enter the student's name and full 18-character ID number to see the aid paid to that student (program, term, amount, date). No login is needed; queries are logged.",
  },
  name: { zh: '学生姓名', en: "Student's name" },
  idNumber: { zh: '学生身份证号', en: "Student's ID number" },
  challenge: { zh: '请计算图中算式的结果', en: 'Work out the sum in the picture' },
  challengeAnswer: { zh: '计算结果', en: 'Answer' },
  newChallenge: { zh: '换一题', en: 'Another one' },
  submit: { zh: '查询', en: 'Search' },
  none: {
    zh: '没有查到资助发放记录。请核对学生姓名和身份证号是否与学籍一致；如确认已获资助但查询不到，请联系学校资助专干。',
    en: "Nothing found. Check that the name and ID number are as the school records them; if aid was granted but nothing shows, ask the school's aid officer.",
  },
  found: { zh: '共 %{count} 笔，合计 %{total} 元', en: '%{count} payments, %{total} yuan in all' },
  program: { zh: '资助项目', en: 'Program' },
  term: { zh: '学期', en: 'Term' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  date: { zh: '发放日期', en: 'Paid on' },
  spring: { zh: '%{year}年春季学期', en: 'Spring %{year}' },
  autumn: { zh: '%{year}年秋季学期', en: 'Autumn %{year}' },
  yearly: { zh: '%{year}年全学年', en: 'Year %{year}' },
  failed: { zh: '查询失败，请稍后重试', en: 'The search failed: try again later' },
  privacy: {
    zh: '请勿替他人查询。学生资助资金直接发放到学生或家长的资助卡/银行账户，任何人不得代领、截留或收取费用，发现问题请向当地学生资助管理中心反映。',
    en: 'Search only for your own child. Aid is paid straight to the student’s or family’s account; nobody may collect it for you, keep it or charge for it — report any problem to the local student aid office.',
  },
} satisfies Record<string, Localized>;
