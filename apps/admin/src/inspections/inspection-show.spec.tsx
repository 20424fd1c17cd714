import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ChecklistDefinition, ChecklistScore, FieldSchema } from '@zizhu/schema';
import { HttpError, ResourceContextProvider, testDataProvider, type DataProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { ResourceShow } from '../schema/resource-views';
import { fieldSchema, renderInPanel, resourceSchema } from '../testing/panel-harness';
import { reopenInspection, reportPdfUrl, requestReport, type InspectionRecord, type ReportStatus } from './inspection-api';

jest.mock('./inspection-api', () => ({
  ...jest.requireActual<object>('./inspection-api'),
  reopenInspection: jest.fn(),
  requestReport: jest.fn(),
}));

// The report's job status, as the polling hook would return it (the spec moves it on).
let mockReportJob: ReportStatus | undefined;
const mockJobListeners = new Set<() => void>();
jest.mock('../jobs/use-job-progress', () => {
  const { useEffect, useReducer } = jest.requireActual<typeof import('react')>('react');
  return {
    useJobProgress: (url: string | null) => {
      const [, rerender] = useReducer((n: number) => n + 1, 0);
      useEffect(() => {
        mockJobListeners.add(rerender);
        return () => void mockJobListeners.delete(rerender);
      }, []);
      return { job: url ? mockReportJob : undefined, error: null, refresh: () => undefined };
    },
  };
});
const mockDownload = jest.fn(async () => undefined);
jest.mock('../files/use-file-download', () => ({ useFileDownload: () => ({ download: mockDownload, pending: false }) }));

const reopen = reopenInspection as jest.MockedFunction<typeof reopenInspection>;
const askReport = requestReport as jest.MockedFunction<typeof requestReport>;

const MODES = [
  { value: 'self', label: { zh: '自查', en: 'Self-inspection' } },
  { value: 'verify', label: { zh: '核查', en: 'Verification' } },
];
const STATUSES = [
  { value: 'started', label: { zh: '检查中', en: 'In progress' } },
  { value: 'submitted', label: { zh: '已提交', en: 'Submitted' } },
];

const INSPECTION_FIELDS: FieldSchema[] = [
  fieldSchema('planId', 'reference', { label: { zh: '检查计划', en: 'Plan' }, reference: 'inspection-plans' }),
  fieldSchema('schoolId', 'reference', { label: { zh: '被检查学校', en: 'School' }, reference: 'schools' }),
  fieldSchema('mode', 'enum', { label: { zh: '检查方式', en: 'Mode' }, options: MODES, readOnly: true }),
  fieldSchema('status', 'enum', { label: { zh: '状态', en: 'Status' }, options: STATUSES, readOnly: true }),
  fieldSchema('answers', 'json', { label: { zh: '检查记录', en: 'Answers' }, readOnly: true }),
  fieldSchema('dataValues', 'json', { label: { zh: '数据项（开始时冻结）', en: 'Data items' }, readOnly: true }),
  fieldSchema('samples', 'json', { label: { zh: '抽样学生', en: 'Sampled students' }, readOnly: true }),
  fieldSchema('reopenReason', 'string', { label: { zh: '重新打开原因', en: 'Reopened because' }, readOnly: true }),
  fieldSchema('score', 'number', { label: { zh: '得分', en: 'Score' }, readOnly: true, decimals: 1 }),
  fieldSchema('passed', 'boolean', { label: { zh: '合格', en: 'Passed' }, readOnly: true }),
  fieldSchema('result', 'json', { label: { zh: '评分明细', en: 'Score by section and item' }, readOnly: true }),
];
const INSPECTIONS = resourceSchema('inspections', INSPECTION_FIELDS, { recordLabel: 'schoolId', versioned: true });

const CLUE_STATUSES = [{ value: 'open', label: { zh: '待核实', en: 'Open' } }];
const SEVERITIES = [{ value: 'high', label: { zh: '高', en: 'High' } }];
const CLUES = resourceSchema('clues', [
  fieldSchema('kind', 'string', { label: { zh: '问题类型', en: 'Kind' }, list: true }),
  fieldSchema('severity', 'enum', { label: { zh: '严重程度', en: 'Severity' }, options: SEVERITIES, list: true }),
  fieldSchema('status', 'enum', { label: { zh: '状态', en: 'Status' }, options: CLUE_STATUSES, list: true }),
  fieldSchema('dueDate', 'date', { label: { zh: '核实期限', en: 'Due date' }, list: true }),
  fieldSchema('overdue', 'boolean', { label: { zh: '逾期', en: 'Overdue' }, list: true }),
]);

const DEFINITION: ChecklistDefinition = {
  sections: [
    {
      key: 'funds',
      title: '资金发放',
      items: [
        { key: 'paidOnTime', type: 'yesNoNa', label: '资金按时足额发放' },
        {
          key: 'publicity',
          type: 'select',
          label: '公示情况',
          choices: [
            { value: 'full', label: '规范公示', score: 10 },
            { value: 'partial', label: '公示不全', score: 5 },
          ],
        },
      ],
    },
    { key: 'files', title: '档案管理', items: [{ key: 'archive', type: 'yesNoNa', label: '一人一档', naAllowed: true }] },
  ],
};

const item = (key: string, section: string, fraction: number | null, extra: Partial<ChecklistScore['items'][number]> = {}) => ({
  key,
  section,
  visible: true,
  applicable: true,
  fraction,
  failed: fraction === 0,
  ...extra,
});

/** The county's verification: publicity half done, archive fine; the school had claimed full marks on publicity. */
const RESULT: ChecklistScore = {
  items: [item('paidOnTime', 'funds', 1), item('publicity', 'funds', 0.5), item('archive', 'files', 1)],
  sections: [
    { key: 'funds', score: 75 },
    { key: 'files', score: 100 },
  ],
  total: 87.5,
  criticalFailed: [],
  passed: true,
};
const SELF_RESULT: ChecklistScore = {
  items: [item('paidOnTime', 'funds', 1), item('publicity', 'funds', 1), item('archive', 'files', null, { applicable: false })],
  sections: [
    { key: 'funds', score: 100 },
    { key: 'files', score: null },
  ],
  total: 100,
  criticalFailed: [],
  passed: true,
};

function verifyInspection(overrides: Partial<InspectionRecord> = {}): InspectionRecord {
  return {
    id: 9,
    version: 4,
    planId: 3,
    schoolId: 11,
    mode: 'verify',
    versionId: 8,
    status: 'submitted',
    answers: { values: { paidOnTime: 'yes', publicity: 'partial', archive: 'yes' } },
    score: 87.5,
    passed: true,
    result: RESULT,
    selfInspectionId: 6,
    selfResult: SELF_RESULT,
    selfScore: 100,
    writable: true,
    ...overrides,
  };
}

function provider(record: InspectionRecord): { dataProvider: DataProvider; findings: jest.Mock } {
  const names: Record<string, { id: number; name: string }[]> = { schools: [{ id: 11, name: '玉林市第一中学' }], 'inspection-plans': [{ id: 3, name: '2026年春季核查' }] };
  const findings = jest.fn(async () => ({
    data: [{ id: 41, kind: '公示情况', severity: 'high', status: 'open', dueDate: '2026-05-01', overdue: true }],
    total: 1,
  }));
  const dataProvider = testDataProvider({
    getOne: (async (resource: string) => ({ data: resource === 'inspections' ? record : { id: 8, definition: DEFINITION, passMark: 60 } })) as never,
    getMany: (async (resource: string) => ({ data: names[resource] ?? [] })) as never,
    getManyReference: findings as never,
  });
  return { dataProvider, findings };
}

async function renderShow(record: InspectionRecord) {
  const { dataProvider, findings } = provider(record);
  await renderInPanel(
    <Routes>
      <Route
        path="/inspections/:id/show"
        element={
          <ResourceContextProvider value="inspections">
            <ResourceShow schema={INSPECTIONS} />
          </ResourceContextProvider>
        }
      />
    </Routes>,
    {
      fields: [],
      others: [INSPECTIONS, CLUES, resourceSchema('schools', []), resourceSchema('inspection-plans', []), resourceSchema('checklist-versions', [])],
      dataProvider,
      url: `/inspections/${record.id}/show`,
    },
  );
  return { findings };
}

/** The report job's next poll answer. */
function moveReportJob(job: ReportStatus): void {
  mockReportJob = job;
  act(() => mockJobListeners.forEach((rerender) => rerender()));
}

const cells = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('cell').map((cell) => cell.textContent);

beforeEach(() => {
  reopen.mockReset();
  askReport.mockReset();
  mockDownload.mockClear();
  mockReportJob = undefined;
});

describe('an inspection’s page', () => {
  it('a verification shows its score beside the school’s self-inspection, section by section and item by item', async () => {
    await renderShow(verifyInspection());
    const breakdown = await screen.findByTestId('score-breakdown');
    expect(within(breakdown).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['检查项', '本次得分', '学校自查']);
    await waitFor(() => expect(cells('score-section-funds')).toEqual(['资金发放', '75.0', '100.0']));
    expect(cells('score-item-paidOnTime')).toEqual(['资金按时足额发放', '100%', '100%']);
    expect(cells('score-item-publicity')).toEqual(['公示情况', '50%', '100%']);
    expect(cells('score-section-files')).toEqual(['档案管理', '100.0', '—']);
    expect(cells('score-item-archive')).toEqual(['一人一档', '100%', '不适用']);
    expect(cells('score-total')).toEqual(['总分', '87.5', '100.0']);
    const score = screen.getByTestId('inspection-score');
    expect(score.textContent).toContain('87.5');
    expect(score.textContent).toContain('合格');
    expect(screen.getByTestId('self-score').textContent).toBe('自查得分 100.0');
  });

  it('a self-inspection shows its own scores only, and marks the items that raised a finding', async () => {
    const failed: ChecklistScore = { ...RESULT, items: [item('paidOnTime', 'funds', 0), ...RESULT.items.slice(1)] };
    await renderShow(verifyInspection({ mode: 'self', selfResult: null, selfScore: null, selfInspectionId: null, result: failed }));
    const breakdown = await screen.findByTestId('score-breakdown');
    expect(within(breakdown).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['检查项', '本次得分']);
    await waitFor(() => expect(cells('score-item-paidOnTime')).toEqual(['资金按时足额发放', '问题0%']));
    expect(screen.queryByTestId('self-score')).toBeNull();
  });

  it('lists its findings (the clues it raised) with severity, due date and the overdue flag', async () => {
    const { findings } = await renderShow(verifyInspection());
    const table = await screen.findByTestId('inspection-findings');
    await within(table).findByText('公示情况');
    expect(findings.mock.calls[0][1]).toMatchObject({ target: 'inspectionId', id: 9 });
    expect(within(table).getByText('高')).toBeTruthy();
    expect(within(table).getByText('2026-05-01')).toBeTruthy();
    expect(within(table).getByTestId('overdue-flag').textContent).toBe('逾期');
  });

  it('重新打开 needs a reason, which the API refuses when blank; given one, the inspection is reopened', async () => {
    reopen.mockRejectedValueOnce(new HttpError('请填写原因', 422, { statusCode: 422, code: 'VALIDATION', message: '请填写原因', errors: { reason: '请填写重新打开的原因' } }));
    reopen.mockResolvedValueOnce(verifyInspection({ status: 'started' }));
    await renderShow(verifyInspection());
    fireEvent.click(await screen.findByRole('button', { name: '重新打开' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '重新打开' }));
    expect(await within(dialog).findByText('请填写重新打开的原因')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '学校补充了佐证材料' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '重新打开' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(reopen).toHaveBeenLastCalledWith(9, '学校补充了佐证材料');
  });

  it('检查报告 asks for the report, waits for its job, then downloads the PDF', async () => {
    askReport.mockResolvedValue({ status: 'running' });
    await renderShow(verifyInspection());
    fireEvent.click(await screen.findByTestId('report-button'));
    await waitFor(() => expect(askReport).toHaveBeenCalledWith(9));
    moveReportJob({ status: 'running' });
    await waitFor(() => expect(screen.getByTestId('report-button').textContent).toContain('报告生成中…'));
    expect(mockDownload).not.toHaveBeenCalled();
    moveReportJob({ status: 'done' });
    await waitFor(() => expect(mockDownload).toHaveBeenCalledWith(reportPdfUrl(9), '检查报告-9.pdf'));
  });

  it.each([
    ['planned: filled in when it starts', { status: 'planned', answers: null }, ['已填写 0 项', '开始检查时计算并冻结', '开始检查时抽取']],
    ['started on a checklist with neither', { status: 'started' }, ['已填写 3 项', '检查表没有数据项', '检查表没有抽样检查']],
  ] as const)('says why its JSON columns are empty — %s; a field with no value is left out', async (_case, overrides, texts) => {
    await renderShow(verifyInspection({ ...overrides, dataValues: {}, samples: [], reopenReason: null, result: null, score: null, passed: null }));
    for (const text of texts) expect(await screen.findByText(text)).toBeTruthy();
    expect(screen.getByText('抽样学生')).toBeTruthy();
    expect(screen.queryByText('重新打开原因')).toBeNull();
  });

  it('offers no report nor reopening before it is submitted, and 继续检查 while it is started', async () => {
    await renderShow(verifyInspection({ status: 'started', result: null, score: null, passed: null }));
    expect(await screen.findByRole('button', { name: '继续检查' })).toBeTruthy();
    expect(screen.queryByTestId('report-button')).toBeNull();
    expect(screen.queryByRole('button', { name: '重新打开' })).toBeNull();
    expect(screen.getAllByText('提交后显示评分').length).toBeGreaterThan(0);
  });
});
