import type { Localized } from '@zizhu/schema';

/** The home page's to-do list (`zizhu.todo.*`). */
export const TODO_TEXTS = {
  title: { zh: '待办事项', en: 'To do' },
  none: { zh: '暂无待办事项。', en: 'Nothing waits for you.' },
  nothing: { zh: '暂无', en: 'none' },
  due: { zh: '最早截止 %{date}', en: 'earliest due %{date}' },
  overdue: { zh: '已逾期（%{date}）', en: 'overdue (%{date})' },
  loadFailed: { zh: '待办事项加载失败，请刷新页面重试。', en: 'The to-do list could not be loaded; reload the page.' },
} satisfies Record<string, Localized>;

/** One label per kind declared in the API's todo-kinds.ts. */
export const TODO_KIND_TEXTS = {
  resultsToVerify: { zh: '待核实的比对结果', en: 'Comparison results to verify' },
  rostersReturned: { zh: '被退回的受助名单', en: 'Rosters returned to you' },
  cluesAssigned: { zh: '交办本校的问题线索', en: 'Problem clues assigned to you' },
  applicationsClosing: { zh: '两周内截止申报的名单', en: 'Rosters whose application window closes within two weeks' },
  omissionsToReview: { zh: '待审核的身份补录', en: 'Omissions to review' },
  rostersWaiting: { zh: '等待我审核的受助名单', en: 'Rosters waiting at your step' },
  schoolsBehind: { zh: '逾期未完成核实的学校', en: 'Schools behind on verification' },
  overduePayments: { zh: '逾期未发放的名单', en: 'Rosters with overdue payments' },
  cluesPastDue: { zh: '超过核实期限的问题线索', en: 'Problem clues past their due date' },
  cluesToReview: { zh: '学校已反馈、待办结的问题线索', en: 'Problem clues answered by schools, to close or return' },
  batchesAwaitingBank: { zh: '待导入银行回盘的发放批次', en: 'Payment batches awaiting the bank’s result' },
  exceptionsUnexplained: { zh: '未说明的对账异常', en: 'Reconciliation exceptions not yet explained' },
  runsInProgress: { zh: '正在运行的比对', en: 'Comparisons running' },
  importsFailed: { zh: '失败的导入', en: 'Failed imports' },
} satisfies Record<string, Localized>;
