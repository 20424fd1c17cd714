import type { Localized } from '@zizhu/schema';

/** `zizhu.inspectionStats.*`: the inspection figures on the county's and the city's home page. */
export const INSPECTION_STATS_TEXTS = {
  title: { zh: '督查检查统计', en: 'Inspections' },
  plan: { zh: '检查计划', en: 'Plan' },
  loadFailed: { zh: '督查统计加载失败，请刷新重试', en: 'The inspection figures could not be loaded: reload the page' },
  empty: { zh: '暂无督查检查：检查计划中的学校检查提交后，这里显示进度、得分和问题整改情况', en: 'No inspections yet: progress, scores and rectification show here once a plan’s schools are inspected' },
  progress: { zh: '完成检查 %{done} / %{planned} 所', en: '%{done} of %{planned} schools inspected' },
  averageScore: { zh: '平均得分', en: 'Average score' },
  noScore: { zh: '—', en: '—' },
  byRegion: { zh: '各地检查进度', en: 'Progress by region' },
  planned: { zh: '计划检查', en: 'Planned' },
  done: { zh: '已完成', en: 'Done' },
  direct: { zh: '%{name}（直属）', en: '%{name} (direct)' },
  bySection: { zh: '各部分平均得分', en: 'Average score by section' },
  sectionsEmpty: { zh: '尚无已提交的检查', en: 'No inspection submitted yet' },
  findings: { zh: '发现问题（按严重程度）', en: 'Findings by severity' },
  findingsTotal: { zh: '共 %{count} 个问题', en: '%{count} findings' },
  noFindings: { zh: '未发现问题', en: 'No findings' },
  high: { zh: '高', en: 'High' },
  medium: { zh: '中', en: 'Medium' },
  low: { zh: '低', en: 'Low' },
  rectification: { zh: '问题整改', en: 'Rectification' },
  rectificationRate: { zh: '整改率（已办结 %{closed} / %{total}）', en: 'Rectified (%{closed} of %{total} closed)' },
  overdue: { zh: '逾期未整改', en: 'Overdue' },
} satisfies Record<string, Localized>;
