import type { Localized } from '@zizhu/schema';

/** The verification-progress page's texts (`zizhu.comparison.*`). */
export const COMPARISON_TEXTS = {
  progressButton: { zh: '核查进度', en: 'Verification progress' },
  progressTitle: { zh: '核查进度：%{name}', en: 'Verification progress: %{name}' },
  progressIntro: {
    zh: '各学校对本次比对结果的核实情况（确认属实或不属实记为已核实）。截止日期：%{deadline}',
    en: 'How far each school has verified this run’s results (confirmed or rejected counts as decided). Deadline: %{deadline}',
  },
  noDeadline: { zh: '未设定', en: 'none' },
  school: { zh: '学校', en: 'School' },
  decided: { zh: '已核实', en: 'Decided' },
  pending: { zh: '待核实', en: 'Pending' },
  overdue: { zh: '逾期未核实', en: 'Overdue' },
  total: { zh: '合计', en: 'Total' },
  barLabel: { zh: '已核实 %{decided} / 共 %{total}', en: '%{decided} of %{total} decided' },
  stateDone: { zh: '已完成', en: 'Done' },
  statePending: { zh: '核实中', en: 'In progress' },
  stateOverdue: { zh: '已逾期', en: 'Overdue' },
  empty: { zh: '您管辖范围内暂无需学校核实的比对结果。', en: 'No results for schools to verify in your scope.' },
  loadFailed: { zh: '无法读取核查进度', en: 'The progress could not be loaded' },
  back: { zh: '返回比对', en: 'Back to the run' },
} satisfies Record<string, Localized>;
