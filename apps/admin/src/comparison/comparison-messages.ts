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
  runButton: { zh: '运行比对', en: 'Run' },
  running: { zh: '比对中', en: 'Running' },
  runProgress: { zh: '比对进度 %{percent}%', en: 'Progress %{percent}%' },
  runDone: { zh: '比对完成', en: 'Comparison finished' },
  runFailed: { zh: '比对失败', en: 'The comparison failed' },
  bulkConfirm: { zh: '批量确认', en: 'Confirm selected' },
  bulkConfirmTitle: { zh: '批量确认比对结果', en: 'Confirm the selected results' },
  bulkConfirmContent: {
    zh: '将所选 %{count} 条结果标记为“确认属实”？待核实的比对一致和疑似结果都会被确认，已核实的将跳过。',
    en: 'Mark the %{count} selected results as confirmed? Pending exact and questionable matches are confirmed; results already decided are skipped.',
  },
  bulkConfirmReason: { zh: '核实说明（选填）', en: 'Reason (optional)' },
  bulkConfirmReasonHelp: { zh: '填写后记入每条所确认结果的核实说明，最多 500 字', en: 'Saved as the reason of every result confirmed; at most 500 characters' },
  bulkConfirmDone: { zh: '已确认 %{confirmed} 条，跳过 %{skipped} 条', en: '%{confirmed} confirmed, %{skipped} skipped' },
  deadlinePassed: { zh: '已过截止日期（今天 %{today}）', en: 'The deadline has passed (today is %{today})' },
  deadlineAhead: { zh: '未到截止日期（今天 %{today}）', en: 'Before the deadline (today is %{today})' },
  schoolsDone: { zh: '已完成 %{n} 所', en: '%{n} done' },
  schoolsPending: { zh: '核实中 %{n} 所', en: '%{n} in progress' },
  countySubtotal: {
    zh: '小计：已核实 %{decided} / 共 %{total} 条；已完成 %{done} 所，核实中 %{pending} 所，逾期 %{overdue} 所',
    en: 'Subtotal: %{decided} of %{total} decided; %{done} schools done, %{pending} in progress, %{overdue} overdue',
  },
  cityLevel: { zh: '市直学校', en: 'City schools' },
  schoolsOverdue: { zh: '已逾期 %{n} 所', en: '%{n} overdue' },
  historyTitle: { zh: '运行记录', en: 'Executions' },
  historyEmpty: { zh: '尚未运行', en: 'Not run yet' },
  marksTitle: { zh: '特殊身份标识', en: 'Special-identity marks' },
  marksEmpty: { zh: '暂无特殊身份标识', en: 'No special-identity marks' },
  marksFailed: { zh: '无法读取特殊身份标识', en: 'The marks could not be loaded' },
  marksType: { zh: '身份类型', en: 'Identity type' },
  marksSource: { zh: '来源', en: 'Source' },
  marksList: { zh: '部门名单', en: 'Department list' },
  marksDecision: { zh: '核实结果', en: 'Decision' },
  marksAt: { zh: '认定时间', en: 'Decided at' },
  drivesAid: { zh: '决定资助档次', en: 'Drives aid' },
  sourceOmission: { zh: '身份补录', en: 'Omission' },
  approvedOmission: { zh: '补录已通过', en: 'Omission approved' },
  summaryButton: { zh: '比对汇总', en: 'Summary' },
  summaryTitle: { zh: '比对汇总：%{name}', en: 'Summary: %{name}' },
  summaryIntro: {
    zh: '按学段和身份类型统计本级的比对情况（合计行中同一学生有多个身份只计一次）；点击下级名称逐级查看到学校。',
    en: 'This level by stage and identity type (a student with several identities counts once in the totals); click a unit below to drill down to schools.',
  },
  summaryChildren: { zh: '下级单位', en: 'Units below' },
  summaryUnit: { zh: '单位', en: 'Unit' },
  summaryStage: { zh: '学段', en: 'Stage' },
  summaryFailed: { zh: '无法读取比对汇总（比对尚未完成，或不在您的管辖范围内）', en: 'The summary could not be loaded (the run has not finished, or it is outside your region)' },
} satisfies Record<string, Localized>;

/** `zizhu.comparison.counts.*`: the summary's columns. */
export const SUMMARY_COUNT_TEXTS = {
  studentsCompared: { zh: '比对学生数', en: 'Students compared' },
  studentsFound: { zh: '特殊群体学生', en: 'Special-group students' },
  matched: { zh: '比对一致', en: 'Matched' },
  questionable: { zh: '疑似', en: 'Questionable' },
  marked: { zh: '计入身份标识', en: 'Marked' },
  unmatched: { zh: '未匹配人员', en: 'Unmatched persons' },
} satisfies Record<string, Localized>;

/** `zizhu.comparison.levels.*` */
export const SUMMARY_LEVEL_TEXTS = {
  city: { zh: '市', en: 'city' },
  county: { zh: '县（市、区）', en: 'county' },
  township: { zh: '乡镇（街道）', en: 'township' },
  school: { zh: '学校', en: 'school' },
} satisfies Record<string, Localized>;

/** The steps a run reports in `progress.step` (`zizhu.comparison.steps.*`). */
export const COMPARISON_STEP_TEXTS = {
  queued: { zh: '排队中', en: 'Queued' },
  identities: { zh: '整理名单人员', en: 'Reading the lists' },
  exact: { zh: '身份证号比对', en: 'Matching ID numbers' },
  nameAndBirthDate: { zh: '姓名与出生日期比对', en: 'Matching names and birth dates' },
  unmatched: { zh: '查找未匹配人员', en: 'Finding unmatched persons' },
  compareStored: { zh: '与上次结果对照', en: 'Pairing with stored results' },
  deleteStale: { zh: '清理过期结果', en: 'Removing stale results' },
  updateFound: { zh: '更新已有结果', en: 'Updating results' },
  insertNew: { zh: '写入新结果', en: 'Writing new results' },
  summary: { zh: '汇总统计', en: 'Summarising' },
  attach: { zh: '建立索引并校验结果', en: 'Indexing and checking results' },
  done: { zh: '完成', en: 'Done' },
} satisfies Record<string, Localized>;
