import type { InspectionFigures, InspectionPlanStatistics, InspectionStatistics } from '@zizhu/schema';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderInPanel } from '../testing/panel-harness';
import { InspectionStatsView } from './inspection-stats-view';

const SECTIONS = [
  { key: 'funds', title: '资金发放' },
  { key: 'files', title: '档案管理' },
];

function figures(overrides: Partial<InspectionFigures> = {}): InspectionFigures {
  return {
    planned: 0,
    done: 0,
    averageScore: null,
    sections: SECTIONS.map((s) => ({ key: s.key, average: null })),
    findings: { total: 0, high: 0, medium: 0, low: 0 },
    closed: 0,
    overdue: 0,
    rectificationRateBp: null,
    ...overrides,
  };
}

function plan(planId: number, planName: string, total: InspectionFigures, regions: InspectionPlanStatistics['regions'] = []): InspectionPlanStatistics {
  return { planId, planName, mode: 'spot', status: 'published', startDate: '2026-05-01', endDate: '2026-06-30', sections: SECTIONS, total, regions };
}

/** The latest plan: three of five schools inspected, five findings, two closed, two overdue. */
const LATEST = plan(
  2,
  '2026年春季学生资助专项检查',
  figures({
    planned: 5,
    done: 3,
    averageScore: 77,
    sections: [
      { key: 'funds', average: 73.3 },
      { key: 'files', average: 86 },
    ],
    findings: { total: 5, high: 3, medium: 1, low: 1 },
    closed: 2,
    overdue: 2,
    rectificationRateBp: 4000,
  }),
  [
    { regionId: '450902', regionName: '玉州区', ...figures({ planned: 2, done: 2 }) },
    { regionId: '450921', regionName: '容县', ...figures({ planned: 3, done: 1 }) },
    { regionId: '450900', regionName: '玉林市', direct: true, ...figures() },
  ],
);

/** An older plan, its inspections done and nothing found. */
const OLDER = plan(1, '2025年秋季抽查', figures({ planned: 2, done: 2, averageScore: 92.5, sections: [{ key: 'funds', average: 95 }, { key: 'files', average: 90 }] }), [
  { regionId: '450902', regionName: '玉州区', ...figures({ planned: 2, done: 2 }) },
]);

const statistics = (plans: InspectionPlanStatistics[]): InspectionStatistics => ({ regionId: '450900', regionName: '玉林市', plans });

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('the home page’s inspection figures', () => {
  it('shows the latest plan: progress, average, the four charts with their regions, sections and severities', async () => {
    await renderInPanel(<InspectionStatsView statistics={statistics([LATEST, OLDER])} />, { fields: [] });
    expect(screen.getByRole('combobox', { name: '检查计划' }).textContent).toBe('2026年春季学生资助专项检查');
    expect(text('stats-progress-value')).toBe('3 / 5');
    expect(text('stats-progress')).toContain('完成检查 3 / 5 所');
    expect(text('stats-average-value')).toBe('77.0');
    const regions = screen.getByTestId('chart-regions');
    expect(within(regions).getByText('各地检查进度')).toBeTruthy();
    for (const name of ['玉州区', '容县', '玉林市（直属）']) expect(within(regions).getAllByText(name).length).toBeGreaterThan(0);
    expect(regions.querySelector('svg')).not.toBeNull();
    const sections = screen.getByTestId('chart-sections');
    for (const title of ['资金发放', '档案管理']) expect(within(sections).getAllByText(title).length).toBeGreaterThan(0);
    expect(text('stats-findings-total')).toBe('共 5 个问题');
    const findings = screen.getByTestId('chart-findings');
    for (const severity of ['高', '中', '低']) expect(within(findings).getAllByText(severity).length).toBeGreaterThan(0);
    expect(screen.getByTestId('stats-rate').dataset.rate).toBe('4000');
    expect(text('stats-rate')).toBe('整改率（已办结 2 / 5）');
    expect(within(screen.getByTestId('chart-rectification')).getAllByText('40.00%').length).toBeGreaterThan(0);
    expect(text('stats-overdue-value')).toBe('2');
    expect(screen.queryByTestId('inspection-stats-empty')).toBeNull();
  });

  it('switches to another plan from the selector', async () => {
    await renderInPanel(<InspectionStatsView statistics={statistics([LATEST, OLDER])} />, { fields: [] });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '检查计划' }));
    fireEvent.click(await screen.findByRole('option', { name: '2025年秋季抽查' }));
    expect(text('stats-progress-value')).toBe('2 / 2');
    expect(text('stats-average-value')).toBe('92.5');
    expect(within(screen.getByTestId('chart-findings')).getByText('未发现问题')).toBeTruthy();
    expect(text('stats-overdue-value')).toBe('0');
    expect(within(screen.getByTestId('chart-rectification')).getAllByText('—').length).toBeGreaterThan(0);
  });

  it('says there is nothing yet without plans, and for a plan with no school in the region', async () => {
    const { unmount } = await renderInPanel(<InspectionStatsView statistics={statistics([])} />, { fields: [] });
    expect(text('inspection-stats-empty')).toContain('暂无督查检查');
    expect(screen.queryByTestId('chart-regions')).toBeNull();
    unmount();
    await renderInPanel(<InspectionStatsView statistics={statistics([plan(3, '容县资助检查', figures())])} />, { fields: [] });
    expect(screen.getByRole('combobox', { name: '检查计划' }).textContent).toBe('容县资助检查');
    expect(text('inspection-stats-empty')).toContain('暂无督查检查');
    expect(screen.queryByTestId('chart-regions')).toBeNull();
  });

  it('a plan with nothing submitted yet: no average, the section chart says why', async () => {
    await renderInPanel(<InspectionStatsView statistics={statistics([plan(4, '新计划', figures({ planned: 4 }), [{ regionId: '450902', regionName: '玉州区', ...figures({ planned: 4 }) }])])} />, { fields: [] });
    expect(text('stats-average-value')).toBe('—');
    expect(within(screen.getByTestId('chart-sections')).getByText('尚无已提交的检查')).toBeTruthy();
  });

  it('reads in English', async () => {
    await renderInPanel(<InspectionStatsView statistics={statistics([LATEST])} />, { fields: [], locale: 'en' });
    expect(screen.getByRole('combobox', { name: 'Plan' })).toBeTruthy();
    expect(text('stats-progress')).toContain('3 of 5 schools inspected');
    expect(text('stats-findings-total')).toBe('5 findings');
    expect(within(screen.getByTestId('chart-regions')).getAllByText('玉林市 (direct)').length).toBeGreaterThan(0);
    expect(text('stats-rate')).toBe('Rectified (2 of 5 closed)');
  });
});
