import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { FieldSchema } from '@zizhu/schema';
import { HttpError, ResourceContextProvider } from 'react-admin';
import { fieldSchema, renderInPanel, resourceSchema } from '../testing/panel-harness';
import { recordFollowUp } from './follow-up-api';
import { FollowUpRecordForm } from './follow-up-record-form';

jest.mock('./follow-up-api', () => ({
  ...jest.requireActual<object>('./follow-up-api'),
  recordFollowUp: jest.fn(),
}));

const saveCall = recordFollowUp as jest.MockedFunction<typeof recordFollowUp>;

const option = (value: string, zh: string) => ({ value, label: { zh, en: value } });

/** The follow-up fields the form asks for, labelled as the declaration labels them. */
const FIELDS: FieldSchema[] = [
  fieldSchema('contactName', 'string', { label: { zh: '回访对象', en: 'Spoke with' } }),
  fieldSchema('contactedAt', 'datetime', { label: { zh: '回访时间', en: 'When' } }),
  fieldSchema('reached', 'boolean', { label: { zh: '联系上', en: 'Reached' } }),
  fieldSchema('knewPolicy', 'boolean', { label: { zh: '知晓资助政策', en: 'Knew the policy' } }),
  fieldSchema('amountCheck', 'enum', {
    label: { zh: '金额核对', en: 'Amount' },
    options: [option('confirmed', '与发放一致'), option('different', '与发放不一致'), option('unknown', '不清楚')],
  }),
  fieldSchema('reportedAmount', 'money', { label: { zh: '家长所述金额', en: 'Amount the family reports' } }),
  fieldSchema('satisfaction', 'enum', { label: { zh: '满意度', en: 'Satisfaction' }, options: [option('satisfied', '满意'), option('dissatisfied', '不满意')] }),
  fieldSchema('notes', 'text', { label: { zh: '回访情况', en: 'Notes' } }),
  fieldSchema('evidenceFileId', 'reference', { label: { zh: '走访照片', en: 'Visit photo' }, reference: 'files' }),
];
const SCHEMA = resourceSchema('follow-ups', FIELDS, { versioned: true });

const PENDING = { id: 31, version: 1, status: 'pending', kind: 'phone', amountPaid: 125_000, reached: false, knewPolicy: false, contactedAt: null };

function renderForm(record: Record<string, unknown> = PENDING, onSaved = jest.fn()) {
  return renderInPanel(
    <ResourceContextProvider value="follow-ups">
      <FollowUpRecordForm schema={SCHEMA} record={record as never} onSaved={onSaved} />
    </ResourceContextProvider>,
    { fields: [], others: [SCHEMA] },
  );
}

const save = () => fireEvent.click(screen.getByRole('button', { name: '保存回访记录' }));

describe('FollowUpRecordForm: a call or visit recorded on a phone', () => {
  beforeEach(() => saveCall.mockReset());

  it('asks only when and whether the family was reached, until it was', async () => {
    await renderForm();
    await screen.findByText('回访时间');
    expect(screen.getByRole('radio', { name: '联系上' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '未联系上' })).toBeTruthy();
    expect(screen.queryByText('金额核对')).toBeNull();
    expect(screen.queryByText('回访对象')).toBeNull();
    expect(screen.queryByText('走访照片')).toBeNull();
    expect(screen.getByText('回访情况')).toBeTruthy();
  });

  it('a family reached: whom, the policy, the amount, satisfaction; the family’s figure only when it differs', async () => {
    await renderForm();
    fireEvent.click(await screen.findByRole('radio', { name: '联系上' }));
    await screen.findByText('金额核对');
    expect(screen.getByText('回访对象')).toBeTruthy();
    expect(screen.getByText('满意度')).toBeTruthy();
    expect(screen.queryByText('家长所述金额')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '与发放不一致' }));
    expect(await screen.findByText('家长所述金额')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '与发放一致' }));
    await waitFor(() => expect(screen.queryByText('家长所述金额')).toBeNull());
  });

  it('asks whether the family was reached before saving a pending follow-up', async () => {
    await renderForm();
    const yes = (await screen.findByRole('radio', { name: '联系上' })) as HTMLInputElement;
    const no = screen.getByRole('radio', { name: '未联系上' }) as HTMLInputElement;
    expect([yes.checked, no.checked]).toEqual([false, false]);
    save();
    expect(await screen.findByText('必填')).toBeTruthy();
    expect(saveCall).not.toHaveBeenCalled();
  });

  it('a recorded follow-up opens with its answers', async () => {
    await renderForm({ ...PENDING, status: 'done', reached: false, notes: '空号', contactedAt: '2026-05-12T02:40:00Z' });
    expect(((await screen.findByRole('radio', { name: '未联系上' })) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByDisplayValue('空号')).toBeTruthy();
  });

  it('a home visit asks for its photo', async () => {
    await renderForm({ ...PENDING, kind: 'visit' });
    expect(await screen.findByText('走访照片')).toBeTruthy();
  });

  it('sends the answers with the version read, and hands back what was stored', async () => {
    const stored = { ...PENDING, status: 'done', reached: true, clueId: 9 };
    saveCall.mockResolvedValue(stored);
    const onSaved = jest.fn();
    await renderForm(PENDING, onSaved);
    fireEvent.click(await screen.findByRole('radio', { name: '联系上' }));
    fireEvent.click(await screen.findByRole('radio', { name: '与发放不一致' }));
    fireEvent.change(await screen.findByRole('textbox', { name: '回访对象' }), { target: { value: '学生母亲' } });
    fireEvent.change(screen.getByRole('textbox', { name: '家长所述金额' }), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('radio', { name: '不满意' }));
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(stored));
    const [id, values, version] = saveCall.mock.calls[0];
    expect(id).toBe(31);
    expect(version).toBe(1);
    expect(values).toMatchObject({ reached: true, contactName: '学生母亲', amountCheck: 'different', reportedAmount: 50_000, satisfaction: 'dissatisfied' });
    expect(values.contactedAt).toBeTruthy();
  });

  it('shows the API’s refusal on the input it concerns, and stays', async () => {
    saveCall.mockRejectedValue(new HttpError('提交的内容有误，请按提示修改', 422, { errors: { notes: '未联系上，请在回访情况中说明原因' } }));
    const onSaved = jest.fn();
    await renderForm(PENDING, onSaved);
    fireEvent.click(await screen.findByRole('radio', { name: '未联系上' }));
    save();
    expect(await screen.findByText('未联系上，请在回访情况中说明原因')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
