import type { BulletinData, BulletinRow } from './review-bulletin.data';
import { bulletinDocument, bulletinFileName, countsText, figureText } from './review-bulletin.html';

const INDICATORS = [
  { code: 'duties', label: { zh: '任务完成', en: 'Duties' }, weight: 60 },
  { code: 'payments', label: { zh: '按时发放', en: 'Payments on time' }, weight: 40 },
  { code: 'inspection', label: { zh: '督查得分', en: 'Inspection score' }, weight: 0 },
];

const row = (overrides: Partial<BulletinRow>): BulletinRow => ({
  rank: 1,
  unitName: '玉林市第一中学',
  regionName: '玉城街道',
  total: 90,
  lagging: false,
  figures: { duties: { value: 90, counts: { onTime: 9, late: 0, missed: 1, open: 0 } }, payments: { value: 90, counts: { paid: 10, onTime: 9, late: 1 } } },
  missedDuties: [],
  weakIndicators: [],
  ...overrides,
});

const data = (rows: BulletinRow[]): BulletinData => ({
  id: 1,
  kind: 'quarterly',
  status: 'issued',
  title: '玉州区2026年第二季度学生资助工作季通报',
  planName: '玉州区2026年度学生资助工作月度工作计划',
  regionName: '玉州区',
  periodStart: '2026-04-01',
  periodEnd: '2026-06-30',
  asOf: '2026-06-30',
  issuedAt: new Date('2026-07-06T02:00:00Z'),
  remarks: null,
  laggingBelow: 60,
  indicators: INDICATORS,
  rows,
});

describe('bulletin document', () => {
  it('escapes every value: a unit named like markup prints as text', () => {
    const markup = bulletinDocument(data([row({ unitName: '<script>alert(1)</script>学校' })])).toString();
    expect(markup).not.toContain('<script>alert');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;学校');
  });

  it('prints the ranking with the weighted indicators only, and the figures with one decimal', () => {
    const markup = bulletinDocument(data([row({}), row({ rank: null, unitName: '无数据学校', total: null, figures: {} })])).toString();
    expect(markup).toContain('<th class="number">任务完成</th><th class="number">按时发放</th><th class="number">加权总分</th>');
    expect(markup).not.toContain('<th class="number">督查得分</th>');
    expect(markup).toContain('<td class="number">90.0</td>');
    expect(markup).toMatch(/<td class="number">—<\/td><td>无数据学校<\/td>/);
    expect(markup).toContain('发布日期：2026-07-06');
  });

  it('names each lagging unit with what it missed, its total below the line and its weak indicators', () => {
    const lagging = row({
      rank: 2,
      unitName: '玉林市玉州区启航幼儿园',
      regionName: '南江街道',
      total: 55,
      lagging: true,
      missedDuties: [{ dutyId: 3, title: '寄送致家长朋友的一封信', dueDate: '2026-06-30' }],
      weakIndicators: [{ code: 'payments', value: 40 }],
    });
    const markup = bulletinDocument(data([row({}), lagging])).toString();
    expect(markup).toContain('玉林市玉州区启航幼儿园（南江街道）：加权总分 55.0，第 2 名');
    expect(markup).toContain('<li>未完成任务：寄送致家长朋友的一封信（截止 2026-06-30）</li>');
    expect(markup).toContain('<li>加权总分低于滞后线 60 分</li>');
    expect(markup).toContain('<li>低于 60 分的指标：按时发放 40.0</li>');
    expect(markup).toContain('工作滞后单位 1 个');
  });

  it('says when no unit lags', () => {
    expect(bulletinDocument(data([row({})])).toString()).toContain('本期没有工作滞后单位');
  });

  it('draws one bar per ranked unit, lagging ones red, and the lagging line', () => {
    const markup = bulletinDocument(data([row({}), row({ unitName: 'B', total: 30, lagging: true }), row({ unitName: 'C', total: null, rank: null })])).toString();
    expect(markup.match(/<rect /g)).toHaveLength(2);
    expect(markup).toContain('fill="#c9302c"');
    expect(markup).toContain('stroke-dasharray="5 3"');
  });

  it('reads counts and figures as people do', () => {
    expect(figureText(null)).toBe('—');
    expect(figureText(87.25)).toBe('87.3');
    expect(countsText({ value: 75, counts: { onTime: 1, late: 1, missed: 0, open: 0 } })).toBe('按时 1、逾期 1、未完成 0、未判定 0');
    expect(countsText({ value: 92.5, counts: { inspections: 2, score: 92.5 } })).toBe('检查次数 2');
  });

  it('names the file after the title, without characters file systems refuse', () => {
    expect(bulletinFileName({ title: '玉州区2026年第二季度学生资助工作季通报' })).toBe('玉州区2026年第二季度学生资助工作季通报.pdf');
    expect(bulletinFileName({ title: 'a/b:c 季通报' })).toBe('abc季通报.pdf');
  });
});
