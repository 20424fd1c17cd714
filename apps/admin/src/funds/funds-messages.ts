import type { Localized } from '@zizhu/schema';

/** The funds pages' texts (`zizhu.funds.*`). */
export const FUND_TEXTS = {
  reconciliation: { zh: '资金对账', en: 'Reconciliation' },
  reconciliationIntro: {
    zh: '按项目、学期、区县、资金来源对比下达与发放：已发放减退回为净发放，下达减净发放为结余，净发放占下达为执行率。点击一行查看发放明细。',
    en: 'Allocated against spent by program, term, county and source: net = paid − refunded, balance = allocated − net, execution rate = net ÷ allocated. Click a row for its payment lines.',
  },
  groupBy: { zh: '汇总维度', en: 'Group by' },
  dimProgram: { zh: '项目', en: 'Program' },
  dimTerm: { zh: '学期', en: 'Term' },
  dimRegion: { zh: '区县', en: 'County' },
  dimSource: { zh: '资金来源', en: 'Source' },
  year: { zh: '年度', en: 'Year' },
  all: { zh: '全部', en: 'All' },
  allocated: { zh: '下达', en: 'Allocated' },
  paid: { zh: '已发放', en: 'Paid' },
  pending: { zh: '待发放', en: 'Pending' },
  failed: { zh: '发放失败', en: 'Failed' },
  returned: { zh: '银行退回', en: 'Returned' },
  refunded: { zh: '资金退回', en: 'Refunded' },
  net: { zh: '净发放', en: 'Net' },
  balance: { zh: '结余', en: 'Balance' },
  rate: { zh: '执行率', en: 'Execution' },
  lines: { zh: '人次', en: 'Person-times' },
  byShares: { zh: '按分担比例应下达', en: 'Due by shares' },
  shareDifference: { zh: '与比例差额', en: 'Off the shares by' },
  total: { zh: '合计', en: 'Total' },
  yuanNote: { zh: '金额单位：元', en: 'Amounts in yuan' },
  export: { zh: '导出', en: 'Export' },
  empty: { zh: '没有符合条件的资金数据', en: 'No funds match' },
  loadFailed: { zh: '无法读取对账数据', en: 'The reconciliation could not be loaded' },
  cityLevel: { zh: '市本级', en: 'City level' },
  exceptions: { zh: '对账异常', en: 'Exceptions' },
  exceptionsIntro: {
    zh: '对账发现的异常及其发放明细。财务可逐条填写说明（说明会保存并在再次对账时显示），或开立问题线索交学校核实。',
    en: 'The differences reconciliation found, with their payment lines. Finance can explain each one (the note is kept and shown again on every reconciliation) or open a problem clue for the school to verify.',
  },
  kind: { zh: '异常类型', en: 'Kind' },
  where: { zh: '项目 / 学期 / 区县', en: 'Program / term / county' },
  student: { zh: '学生', en: 'Student' },
  amount: { zh: '金额', en: 'Amount' },
  expected: { zh: '应为', en: 'Expected' },
  linesColumn: { zh: '发放明细', en: 'Lines' },
  explanation: { zh: '说明', en: 'Explanation' },
  explain: { zh: '说明', en: 'Explain' },
  explainTitle: { zh: '说明此异常', en: 'Explain this exception' },
  note: { zh: '说明内容', en: 'Note' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  explained: { zh: '已说明', en: 'Explained' },
  unexplained: { zh: '未说明', en: 'Not explained' },
  explainDone: { zh: '说明已保存', en: 'Explanation saved' },
  noExceptions: { zh: '没有对账异常', en: 'No exceptions' },
  bankResult: { zh: '导入银行回盘', en: 'Import bank result' },
  bankResultHelp: {
    zh: '选择银行回盘文件（.xlsx 或 .csv，需有“流水号”“发放结果”列）。全部行正确才会导入；有错误时整个文件不导入，并列出每一行的问题。',
    en: 'Choose the bank’s result file (.xlsx or .csv with 流水号 and 发放结果 columns). It is applied only if every row is right; otherwise nothing is applied and every bad row is listed.',
  },
  bankResultDone: { zh: '回盘已导入：成功 %{paid} 笔，失败 %{failed} 笔，退回 %{returned} 笔，无变化 %{unchanged} 笔', en: 'Applied: %{paid} paid, %{failed} failed, %{returned} returned, %{unchanged} unchanged' },
  bankFileXlsx: { zh: '银行代发文件（Excel）', en: 'Bank payment file (Excel)' },
  bankFileCsv: { zh: '银行代发文件（CSV）', en: 'Bank payment file (CSV)' },
  batchLines: { zh: '本批次发放明细', en: 'Lines of this batch' },
  batchLinesEmpty: { zh: '本批次没有发放明细', en: 'This batch has no lines' },
  leftOut: { zh: '未纳入本批次的学生', en: 'Left out of this batch' },
  leftOutHelp: {
    zh: '以上学生在已审定名单上，但未纳入本批次，原因见“未纳入原因”列。补录资助卡号或银行账号后，再建一个批次即可发放。',
    en: 'The students above are on approved rosters but were left out of this batch, for the reason shown. Add their aid card or bank account, then make another batch to pay them.',
  },
  leftOutNone: { zh: '已审定名单上的学生全部纳入了本批次', en: 'Every student on the approved rosters is in this batch' },
  chooseFile: { zh: '选择文件并导入', en: 'Choose a file and import' },
  reissue: { zh: '重发', en: 'Re-issue' },
  reissueTitle: { zh: '重新发放', en: 'Re-issue this payment' },
  reissueHelp: { zh: '填写更正后的账号；留空则使用学生档案中的资助卡号（须已更正）。', en: 'Enter the corrected account, or leave empty to use the student’s (corrected) account on record.' },
  account: { zh: '收款账号', en: 'Account' },
  reissueDone: { zh: '已生成重发明细', en: 'A new payment line was issued' },
  dashboardFunds: { zh: '资金执行情况', en: 'Funds' },
  byProgram: { zh: '各项目下达与发放（元）', en: 'Allocated and paid by program (yuan)' },
  byCounty: { zh: '各区县执行率', en: 'Execution rate by county' },
  overdue: { zh: '逾期未发放', en: 'Overdue payments' },
  overdueNone: { zh: '没有逾期未发放的名单', en: 'No overdue payments' },
  overdueRow: { zh: '%{title}：截止 %{deadline}，%{count} 人未发放，%{amount} 元', en: '%{title}: due %{deadline}, %{count} unpaid, %{amount} yuan' },
  openReconciliation: { zh: '打开资金对账', en: 'Open reconciliation' },
  openExceptions: { zh: '查看对账异常', en: 'Open exceptions' },
  clue: { zh: '问题线索', en: 'Clue' },
  openClue: { zh: '开立线索', en: 'Open a clue' },
  openClueTitle: { zh: '就此异常开立问题线索', en: 'Open a problem clue for this exception' },
  openClueHelp: {
    zh: '线索将交给该笔发放所在学校核实（属实 / 不属实）并整改，由区县审核学校的反馈（办结或退回）。描述留空时按异常自动生成。',
    en: 'The clue goes to the school of the payment to verify (true / false) and rectify; the county accepts or returns its answer. Leave the description empty to have it written from the exception.',
  },
  clueDescription: { zh: '线索描述', en: 'Description' },
  clueDueDate: { zh: '核实期限', en: 'Due date' },
  clueOpened: { zh: '已开立线索 #%{id}', en: 'Clue #%{id} opened' },
  noClue: { zh: '—', en: '—' },
} satisfies Record<string, Localized>;

/** `zizhu.funds.kinds.*`, `terms.*`, `sources.*`. */
export const FUND_KIND_TEXTS = {
  paidTwice: { zh: '重复发放', en: 'Paid twice' },
  noApprovedEntry: { zh: '无审定名单依据', en: 'No approved roster entry' },
  notEnrolled: { zh: '发放日不在读', en: 'Not enrolled on the payment date' },
  amountMismatch: { zh: '金额与名单或标准不符', en: 'Amount differs from roster/standard' },
  overAllocation: { zh: '超下达发放', en: 'Beyond the allocation' },
} satisfies Record<string, Localized>;

export const FUND_TERM_TEXTS = {
  spring: { zh: '春季', en: 'Spring' },
  autumn: { zh: '秋季', en: 'Autumn' },
  yearly: { zh: '全学年', en: 'Year' },
} satisfies Record<string, Localized>;

export const FUND_SOURCE_TEXTS = {
  central: { zh: '中央', en: 'Central' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
} satisfies Record<string, Localized>;

/** `zizhu.funds.clueStatuses.*` (the clues resource's statuses). */
export const CLUE_STATUS_TEXTS = {
  open: { zh: '待核实', en: 'To verify' },
  answered: { zh: '已反馈', en: 'Answered' },
  returned: { zh: '已退回', en: 'Returned' },
  closed: { zh: '已办结', en: 'Closed' },
} satisfies Record<string, Localized>;

const pick = (texts: Record<string, Localized>, lang: 'zh' | 'en'): Record<string, string> =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, text[lang]]));

/** Everything under `zizhu.funds`. */
export function fundMessages(lang: 'zh' | 'en'): object {
  return { ...pick(FUND_TEXTS, lang), kinds: pick(FUND_KIND_TEXTS, lang), terms: pick(FUND_TERM_TEXTS, lang), sources: pick(FUND_SOURCE_TEXTS, lang), clueStatuses: pick(CLUE_STATUS_TEXTS, lang) };
}
