import { screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider, testDataProvider } from 'react-admin';
import { renderInPanel } from '../testing/panel-harness';
import { MyReviewCard } from './my-review-card';
import type { ReviewRecord, ReviewRowRecord } from './review-api';
import { ReviewRankingPanel } from './review-ranking-panel';

const INDICATORS = [
  { code: 'duties', label: { zh: '任务完成', en: 'Duties' }, weight: 60 },
  { code: 'payments', label: { zh: '按时发放', en: 'Payments on time' }, weight: 40 },
  { code: 'inspection', label: { zh: '督查得分', en: 'Inspection score' }, weight: 0 },
];

const REVIEW: ReviewRecord = {
  id: 5,
  kind: 'quarterly',
  status: 'issued',
  title: '玉州区2026年第二季度学生资助工作季通报',
  indicators: INDICATORS,
  laggingBelow: 60,
  unitCount: 3,
  computedAt: '2026-07-06T02:00:00Z',
};

const ROWS: ReviewRowRecord[] = [
  {
    id: 11,
    reviewId: 5,
    schoolId: 1,
    unitName: '玉林市第一中学',
    regionName: '玉城街道',
    rank: 1,
    total: 92.5,
    lagging: false,
    figures: { duties: { value: 87.5, counts: { onTime: 7, late: 1, missed: 0, open: 0 } }, payments: { value: 100, counts: { paid: 77, onTime: 77, late: 0 } } },
    missedDuties: [],
    weakIndicators: [],
  },
  {
    id: 12,
    reviewId: 5,
    schoolId: 4,
    unitName: '玉林市玉州区启航幼儿园',
    regionName: '南江街道',
    rank: 2,
    total: 45,
    lagging: true,
    figures: { duties: { value: 25, counts: { onTime: 1, late: 0, missed: 3, open: 0 } }, payments: { value: 75, counts: { paid: 4, onTime: 3, late: 1 } } },
    missedDuties: [{ dutyId: 3, title: '寄送致家长朋友的一封信', dueDate: '2026-06-30' }],
    weakIndicators: [{ code: 'duties', value: 25 }],
  },
  { id: 13, reviewId: 5, schoolId: 6, unitName: '玉林市玉州区大塘镇中心小学', regionName: '大塘镇', rank: null, total: null, lagging: false, figures: {}, missedDuties: [], weakIndicators: [] },
];

const dataProvider = (rows: ReviewRowRecord[]) =>
  testDataProvider({
    getList: (async () => ({ data: rows, total: rows.length })) as never,
    getMany: (async () => ({ data: [REVIEW] })) as never,
  });

const renderPanel = (review: ReviewRecord, rows: ReviewRowRecord[], locale: 'zh-CN' | 'en' = 'zh-CN') =>
  renderInPanel(
    <RecordContextProvider value={review}>
      <ReviewRankingPanel />
    </RecordContextProvider>,
    { fields: [], dataProvider: dataProvider(rows), locale },
  );

describe('review ranking panel', () => {
  it('shows the weights, the chart and the ranking with the lagging unit’s reasons', async () => {
    await renderPanel(REVIEW, ROWS);
    const table = await screen.findByTestId('review-ranking');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['排名', '单位', '所属区域', '任务完成', '按时发放', '加权总分', '滞后原因']);
    expect(within(screen.getByTestId('review-row-1')).getAllByRole('cell').map((td) => td.textContent)).toEqual(['1', '玉林市第一中学', '玉城街道', '87.5', '100.0', '92.5', '']);
    const lagging = within(screen.getByTestId('review-row-4'));
    expect(lagging.getByText('滞后')).toBeTruthy();
    expect(lagging.getByText('未完成：寄送致家长朋友的一封信（截止 2026-06-30）')).toBeTruthy();
    expect(lagging.getByText('总分低于滞后线')).toBeTruthy();
    expect(lagging.getByText('任务完成 25.0')).toBeTruthy();
    expect(within(screen.getByTestId('review-row-6')).getAllByRole('cell').map((td) => td.textContent).slice(0, 6)).toEqual(['—', '玉林市玉州区大塘镇中心小学', '大塘镇', '—', '—', '—']);
    const panel = screen.getByTestId('review-panel');
    expect(within(panel).getByText('任务完成 60%')).toBeTruthy();
    // A chip above, and the chart's dashed line.
    expect(within(panel).getAllByText('滞后线 60 分')).toHaveLength(2);
    expect(within(screen.getByTestId('review-chart')).getByText('滞后线 60 分')).toBeTruthy();
  });

  it('a school sees the one row the API gives it', async () => {
    await renderPanel(REVIEW, [ROWS[1]]);
    const table = await screen.findByTestId('review-ranking');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByTestId('review-row-1')).toBeNull();
  });

  it('before computing it says how to, and asks for no rows', async () => {
    const getList = jest.fn(async () => ({ data: [], total: 0 }));
    await renderInPanel(
      <RecordContextProvider value={{ ...REVIEW, status: 'draft', computedAt: null }}>
        <ReviewRankingPanel />
      </RecordContextProvider>,
      { fields: [], dataProvider: testDataProvider({ getList: getList as never }) },
    );
    expect(screen.getByText(/尚未计算/)).toBeTruthy();
    expect(getList).not.toHaveBeenCalled();
  });

  it('reads in English', async () => {
    await renderPanel(REVIEW, ROWS, 'en');
    const table = await screen.findByTestId('review-ranking');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Rank', 'Unit', 'Area', 'Duties', 'Payments on time', 'Total', 'Why']);
    expect(within(screen.getByTestId('review-row-4')).getByText('Missed: 寄送致家长朋友的一封信 (due 2026-06-30)')).toBeTruthy();
  });
});

describe('a school’s reviews on its home page', () => {
  it('lists its own line of each issued review: rank of all, total, what it missed', async () => {
    await renderInPanel(<MyReviewCard />, { fields: [], dataProvider: dataProvider([ROWS[1]]) });
    const line = await screen.findByTestId('my-review-5');
    await waitFor(() => expect(within(line).getByText(REVIEW.title)).toBeTruthy());
    expect(within(line).getByText('第 2 名 / 3')).toBeTruthy();
    expect(within(line).getByText('45.0')).toBeTruthy();
    expect(within(line).getByText('未完成：寄送致家长朋友的一封信（截止 2026-06-30）')).toBeTruthy();
  });

  it('says when nothing is issued yet', async () => {
    await renderInPanel(<MyReviewCard />, { fields: [], dataProvider: dataProvider([]) });
    expect(await screen.findByText('暂无已发布的点评')).toBeTruthy();
  });
});
