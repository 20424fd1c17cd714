import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ChecklistDefinition, InspectionAnswers } from '@zizhu/schema';
import { HttpError, testDataProvider, type DataProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { renderInPanel, resourceSchema } from '../testing/panel-harness';
import { AUTOSAVE_DELAY_MS } from './autosaver';
import { saveInspection, startInspection, submitInspection, type InspectionRecord } from './inspection-api';
import { InspectionFillPage } from './inspection-fill-page';

// Evidence goes through the files module: uploaded at once, then shown by its name and size.
jest.mock('../files/file-api', () => ({
  ...jest.requireActual<object>('../files/file-api'),
  uploadFile: jest.fn(async (file: File) => ({ id: 71, name: file.name, contentType: 'image/jpeg', size: 2048, sha256: '', uploadedAt: '' })),
  fetchFileInfo: jest.fn(async (id: number) => ({ id, name: '公示栏照片.jpg', contentType: 'image/jpeg', size: 2048, sha256: '', uploadedAt: '' })),
}));

jest.mock('./inspection-api', () => ({
  ...jest.requireActual<object>('./inspection-api'),
  saveInspection: jest.fn(),
  submitInspection: jest.fn(),
  startInspection: jest.fn(),
}));

const save = saveInspection as jest.MockedFunction<typeof saveInspection>;
const submit = submitInspection as jest.MockedFunction<typeof submitInspection>;
const start = startInspection as jest.MockedFunction<typeof startInspection>;

const DEFINITION: ChecklistDefinition = {
  sections: [
    {
      key: 'funds',
      title: '资金发放',
      items: [
        { key: 'paidOnTime', type: 'yesNoNa', label: '资金按时足额发放', required: true, critical: true },
        { key: 'lateReason', type: 'text', label: '未按时发放原因', visibleWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] } },
        { key: 'rectified', type: 'text', label: '整改措施', requiredWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] }, help: '说明已采取的整改措施' },
      ],
    },
    {
      key: 'publicity',
      title: '公示与数据',
      items: [
        {
          key: 'publicity',
          type: 'select',
          label: '公示情况',
          evidenceWhen: { '==': [{ var: 'values.publicity' }, 'none'] },
          choices: [
            { value: 'full', label: '规范公示', score: 10 },
            { value: 'none', label: '未公示', score: 0 },
          ],
        },
        { key: 'late', type: 'number', label: '超期发放笔数', dataItem: 'latePayments' },
        { key: 'cards', type: 'boolean', label: '受助学生持卡情况', sample: { size: 2, questions: [{ key: 'cardHeld', type: 'text', label: '资助卡由本人持有' }] } },
      ],
    },
  ],
};

function inspection(overrides: Partial<InspectionRecord> = {}): InspectionRecord {
  return {
    id: 5,
    planId: 3,
    schoolId: 11,
    mode: 'spot',
    versionId: 8,
    status: 'started',
    answers: null,
    dataValues: {
      late: { code: 'latePayments', label: { zh: '超期发放笔数', en: 'Late payments' }, unit: { zh: '笔', en: 'payments' }, value: 3, computedAt: '2026-04-01T09:00:00+08:00' },
    },
    samples: [
      {
        itemKey: 'cards',
        year: 2026,
        term: 'spring',
        students: [
          { studentId: 17, name: '韦*婷', programId: 1, programName: '寄宿生生活补助', amountPaid: 62500 },
          { studentId: 23, name: '李*', programId: 1, programName: '寄宿生生活补助', amountPaid: 62500 },
        ],
      },
    ],
    ...overrides,
  };
}

const SHOW_PAGE = 'the inspection page';

function provider(record: InspectionRecord): DataProvider {
  const version = { id: 8, definition: DEFINITION, passMark: 60 };
  const names: Record<string, { id: number; name: string }[]> = { schools: [{ id: 11, name: '玉林市第一中学' }], 'inspection-plans': [{ id: 3, name: '2026年春季专项检查' }] };
  return testDataProvider({
    getOne: (async (resource: string) => ({ data: resource === 'inspections' ? record : version })) as never,
    getMany: (async (resource: string) => ({ data: names[resource] ?? [] })) as never,
  });
}

async function renderFillPage(record: InspectionRecord = inspection()) {
  const view = await renderInPanel(
    <Routes>
      <Route path="/inspections/:id/fill" element={<InspectionFillPage />} />
      <Route path="/inspections/:id/show" element={<p>{SHOW_PAGE}</p>} />
    </Routes>,
    {
      fields: [],
      others: [resourceSchema('schools', []), resourceSchema('inspection-plans', [])],
      dataProvider: provider(record),
      url: `/inspections/${record.id}/fill`,
    },
  );
  return view;
}

const item = (key: string) => screen.getByTestId(`item-${key}`);

/** Picks a choice of the select inside an item card. */
async function choose(itemKey: string, option: string) {
  fireEvent.mouseDown(within(item(itemKey)).getByRole('combobox'));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

const typeInto = (itemKey: string, value: string) => fireEvent.change(within(item(itemKey)).getByRole('textbox', { name: /回答/ }), { target: { value } });

const lastSaved = (): InspectionAnswers => save.mock.calls.at(-1)![1];

beforeEach(() => {
  save.mockReset().mockResolvedValue(inspection());
  submit.mockReset();
  start.mockReset();
});

afterEach(() => jest.useRealTimers());

describe('the inspection fill page', () => {
  it('shows one section at a time; an item appears when its visibleWhen holds, and is required when its requiredWhen does', async () => {
    await renderFillPage();
    await screen.findByTestId('item-paidOnTime');
    expect(screen.getByRole('heading', { name: '资金发放' })).toBeTruthy();
    expect(screen.queryByTestId('item-publicity')).toBeNull();
    expect(screen.queryByTestId('item-lateReason')).toBeNull();
    expect(within(item('rectified')).queryByTestId('required-marker')).toBeNull();
    expect(within(item('paidOnTime')).getByTestId('required-marker')).toBeTruthy();
    expect(within(item('paidOnTime')).getByText('否决项')).toBeTruthy();

    await choose('paidOnTime', '否');
    expect(await screen.findByTestId('item-lateReason')).toBeTruthy();
    expect(within(item('rectified')).getByTestId('required-marker')).toBeTruthy();

    await choose('paidOnTime', '是');
    await waitFor(() => expect(screen.queryByTestId('item-lateReason')).toBeNull());
  });

  it('keeps the score live in the header, as scoreChecklist computes it, with pass or fail and the veto items failed', async () => {
    await renderFillPage();
    await screen.findByTestId('item-paidOnTime');
    const score = () => screen.getByTestId('live-score').textContent;
    expect(score()).toBe('得分 0.0');
    await choose('paidOnTime', '是');
    await waitFor(() => expect(score()).toBe('得分 50.0'));
    expect(screen.getByTestId('live-passed').textContent).toBe('不合格');

    fireEvent.click(screen.getByRole('button', { name: '下一部分' }));
    await choose('publicity', '规范公示');
    await waitFor(() => expect(score()).toBe('得分 100.0'));
    expect(screen.getByTestId('live-passed').textContent).toBe('合格');

    fireEvent.click(screen.getByRole('tab', { name: /资金发放/ }));
    await choose('paidOnTime', '否');
    await waitFor(() => expect(score()).toBe('得分 50.0'));
    expect(screen.getByTestId('critical-failed').textContent).toContain('资金按时足额发放');
    expect(screen.getByTestId('live-passed').textContent).toBe('不合格');
  });

  it('autosaves once the inspector pauses, with everything answered so far, and says when it saved', async () => {
    await renderFillPage();
    await screen.findByTestId('item-rectified');
    expect(screen.getByTestId('save-state').textContent).toBe('尚无修改');
    jest.useFakeTimers();
    typeInto('rectified', '已');
    act(() => jest.advanceTimersByTime(AUTOSAVE_DELAY_MS - 500));
    typeInto('rectified', '已约谈');
    act(() => jest.advanceTimersByTime(AUTOSAVE_DELAY_MS - 500));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByTestId('save-state').textContent).toBe('保存中…');
    await act(async () => {
      jest.advanceTimersByTime(500);
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0]).toBe(5);
    expect(lastSaved()).toEqual({ values: { rectified: '已约谈' } });
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toMatch(/^已保存 \d\d:\d\d:\d\d$/));
  });

  it('saves nothing until something changes, and keeps answers when moving between sections', async () => {
    await renderFillPage();
    await screen.findByTestId('item-rectified');
    typeInto('rectified', '已约谈');
    fireEvent.click(screen.getByRole('button', { name: '下一部分' }));
    await screen.findByTestId('item-publicity');
    fireEvent.click(screen.getByRole('button', { name: '上一部分' }));
    await screen.findByTestId('item-rectified');
    expect((within(item('rectified')).getByRole('textbox', { name: /回答/ }) as HTMLInputElement).value).toBe('已约谈');
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(lastSaved()).toEqual({ values: { rectified: '已约谈' } });
  });

  it('shows a data item’s frozen value; 有出入 asks for the value found, which is saved with the check', async () => {
    await renderFillPage();
    fireEvent.click(await screen.findByRole('tab', { name: /公示与数据/ }));
    expect((await screen.findByTestId('frozen-late')).textContent).toBe('3 笔');
    expect(within(item('late')).queryByLabelText('实际核查值')).toBeNull();
    fireEvent.click(within(item('late')).getByRole('button', { name: '有出入' }));
    fireEvent.change(within(item('late')).getByLabelText('实际核查值'), { target: { value: '5' } });
    fireEvent.change(within(item('late')).getByLabelText('出入说明'), { target: { value: '台账多 2 笔' } });
    await waitFor(() => expect(lastSaved()).toEqual({ values: {}, dataChecks: { late: { confirmed: false, observed: 5, note: '台账多 2 笔' } } }));
  });

  it('asks a sample item’s questions on one card per sampled student', async () => {
    await renderFillPage();
    fireEvent.click(await screen.findByRole('tab', { name: /公示与数据/ }));
    const first = await screen.findByTestId('sampled-student-17');
    expect(first.textContent).toContain('韦*婷');
    expect(first.textContent).toContain('寄宿生生活补助 已发放 ¥625.00');
    expect(screen.getByTestId('sampled-student-23')).toBeTruthy();
    fireEvent.change(within(first).getByRole('textbox', { name: /资助卡由本人持有/ }), { target: { value: '本人持有' } });
    await waitFor(() => expect(lastSaved()).toEqual({ values: {}, sampleAnswers: { cards: { '17': { cardHeld: '本人持有' } } } }));
  });

  it('asks for evidence when evidenceWhen holds; a chosen file is uploaded at once and saved with the item, and can be removed', async () => {
    await renderFillPage();
    fireEvent.click(await screen.findByRole('tab', { name: /公示与数据/ }));
    await screen.findByTestId('item-publicity');
    expect(within(item('publicity')).queryByTestId('evidence-publicity')).toBeNull();
    await choose('publicity', '未公示');
    const evidence = await within(item('publicity')).findByTestId('evidence-publicity');
    expect(evidence.textContent).toContain('须上传佐证材料');
    const picker = evidence.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(picker, { target: { files: [new File(['jpeg'], '公示栏照片.jpg', { type: 'image/jpeg' })] } });
    expect(await within(evidence).findByText('公示栏照片.jpg（2 KB）')).toBeTruthy();
    await waitFor(() => expect(lastSaved()).toEqual({ values: { publicity: 'none' }, evidence: { publicity: [71] } }));
    fireEvent.click(within(evidence).getByRole('button', { name: '移除' }));
    await waitFor(() => expect(lastSaved()).toEqual({ values: { publicity: 'none' } }));
    expect(within(evidence).queryByText('公示栏照片.jpg（2 KB）')).toBeNull();
  });

  it('on a refused submit: switches to the section of the first error and shows each message at its item', async () => {
    submit.mockRejectedValue(
      new HttpError('提交的检查记录有误', 422, {
        statusCode: 422,
        code: 'VALIDATION',
        message: '提交的检查记录有误',
        errors: { 'answers.values.publicity': '请选择公示情况', 'answers.dataChecks.late': '请核对该数据项', 'answers.sampleAnswers.cards.23.cardHeld': '请回答' },
      }),
    );
    await renderFillPage();
    await screen.findByTestId('item-paidOnTime');
    await choose('paidOnTime', '是');
    fireEvent.click(screen.getByRole('button', { name: '提交检查' }));
    await screen.findByTestId('item-publicity');
    expect(submit).toHaveBeenCalledWith(5, { values: { paidOnTime: 'yes' } });
    expect(within(item('publicity')).getByText('请选择公示情况')).toBeTruthy();
    expect(within(item('late')).getByRole('alert').textContent).toBe('请核对该数据项');
    expect(within(screen.getByTestId('sampled-student-23')).getByText('请回答')).toBeTruthy();
    expect(within(screen.getByTestId('section-tab-publicity')).getByText('3')).toBeTruthy();

    // Answered, the item's message goes.
    fireEvent.click(within(item('late')).getByRole('button', { name: '确认无误' }));
    await waitFor(() => expect(within(item('late')).queryByRole('alert')).toBeNull());
    expect(within(item('publicity')).getByText('请选择公示情况')).toBeTruthy();
  });

  it('submits everything and opens the inspection’s page', async () => {
    submit.mockResolvedValue(inspection({ status: 'submitted', score: 100 }));
    await renderFillPage(inspection({ answers: { values: { paidOnTime: 'yes', publicity: 'full' }, remarks: { paidOnTime: '已核对银行回单' } } }));
    await screen.findByTestId('item-paidOnTime');
    expect(screen.getByTestId('live-score').textContent).toBe('得分 100.0');
    fireEvent.click(screen.getByRole('button', { name: '提交检查' }));
    expect(await screen.findByText(SHOW_PAGE)).toBeTruthy();
    expect(submit).toHaveBeenCalledWith(5, { values: { paidOnTime: 'yes', publicity: 'full' }, remarks: { paidOnTime: '已核对银行回单' } });
    expect(save).not.toHaveBeenCalled();
  });

  it('a planned inspection is started first; a submitted one is not filled in', async () => {
    start.mockResolvedValue(inspection());
    const { unmount } = await renderFillPage(inspection({ status: 'planned' }));
    expect(await screen.findByText(/该检查尚未开始/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '开始检查' }));
    await waitFor(() => expect(start).toHaveBeenCalledWith(5));
    unmount();

    await renderFillPage(inspection({ status: 'submitted' }));
    expect(await screen.findByText(/该检查已提交/)).toBeTruthy();
    expect(screen.queryByTestId('inspection-fill')).toBeNull();
  });
});
