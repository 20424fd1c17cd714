import { type LetterRecipient, paymentLines, renderLetter, termText } from './letter-content';

const recipient: LetterRecipient = {
  studentId: 7,
  schoolId: 1,
  studentName: '韦子婷',
  guardianName: null,
  grade: '高一',
  className: '3班',
  schoolName: '玉林市第一中学',
  scopePath: '450900.450902.2145020107.',
  payments: [
    { programId: 1, program: '高中国家助学金', amount: 125000, paid: 125000, refunded: 0, date: '2026-04-15', account: '6217********1234' },
    { programId: 2, program: '寄宿生生活补助', amount: 50000, paid: 100000, refunded: 50000, date: '2026-04-16', account: '6217********1234' },
  ],
  total: 175000,
};

const context = { year: 2026, term: 'spring', queryUrl: 'https://zizhu.example/#/aid-query', issuerRegion: '玉林市' };

describe('a letter’s text', () => {
  it('names the term', () => {
    expect(termText(2026, 'spring')).toBe('2026年春季学期');
    expect(termText(2026, 'yearly')).toBe('2026年全学年');
  });

  it('lists each payment with its amount in yuan, date, masked account, and a refund', () => {
    expect(paymentLines(recipient.payments)).toBe(
      '1. 高中国家助学金：1,250.00 元（2026-04-15 发放至 6217********1234）\n' + '2. 寄宿生生活补助：500.00 元（2026-04-16 发放 1,000.00 元至 6217********1234，已退回 500.00 元）',
    );
  });

  it('fills the template and its receipt from the recipient', () => {
    const { content, receipt } = renderLetter(
      { body: '尊敬的{{guardianName}}：{{studentName}}（{{schoolName}}{{className}}）{{term}}共获资助 {{total}} 元，账号 {{account}}。查询：{{queryUrl}}。{{issuer}}', receiptText: '已收到{{studentName}}的告知书，金额 {{total}} 元' },
      recipient,
      context,
    );
    expect(content).toBe(
      '尊敬的家长：韦子婷（玉林市第一中学高一3班）2026年春季学期共获资助 1,750.00 元，账号 6217********1234。查询：https://zizhu.example/#/aid-query。玉林市学生资助管理中心',
    );
    expect(receipt).toBe('已收到韦子婷的告知书，金额 1,750.00 元');
  });
});
