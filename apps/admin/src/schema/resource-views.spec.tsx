import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { FieldSchema } from '@zizhu/schema';
import { ResourceContextProvider, testDataProvider, useRecordContext } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { fieldSchema, renderInPanel, resourceSchema, TEST_RESOURCE } from '../testing/panel-harness';
import { registerResourceExtensions } from './resource-extensions';
import { ResourceCreate, ResourceEdit, ResourceShow, writablePayload } from './resource-views';

const MASKED = '4509**********1234';
const LIST_PAGE = 'the widgets list';

const FIELDS: FieldSchema[] = [
  fieldSchema('name', 'string', { label: { zh: '名称', en: 'Name' }, required: true }),
  fieldSchema('code', 'string', { label: { zh: '代码', en: 'Code' }, immutable: true }),
  fieldSchema('status', 'enum', {
    label: { zh: '状态', en: 'Status' },
    readOnly: true,
    options: [{ value: 'draft', label: { zh: '草稿', en: 'Draft' } }],
  }),
  fieldSchema('password', 'password', { label: { zh: '密码', en: 'Password' }, writeOnly: true }),
  fieldSchema('idNumber', 'idNumber', { label: { zh: '身份证号', en: 'ID number' }, sensitive: { mask: 'idNumber', masked: true, canReveal: true } }),
  fieldSchema('count', 'integer', { label: { zh: '人数', en: 'Count' } }),
];
const SCHEMA = resourceSchema(TEST_RESOURCE, FIELDS, { versioned: true });

describe('writablePayload: what a form sends', () => {
  const record = {
    id: 7,
    version: 3,
    name: '一中',
    code: 'A1',
    status: 'draft',
    password: 'new-secret',
    idNumber: '45090220100315124x',
    count: 0,
    // Sent with the record, never sent back.
    writable: true,
    referenceLabels: { schoolId: '一中' },
    createdAt: '2026-03-01T00:00:00Z',
  };

  it('on create: the fields the user may set, immutable ones included, read-only ones not', () => {
    expect(writablePayload(SCHEMA, 'create')(record)).toEqual({
      name: '一中',
      code: 'A1',
      password: 'new-secret',
      idNumber: '45090220100315124X',
      count: 0,
    });
  });

  it('on edit: id and version first, immutable and read-only fields left out', () => {
    expect(writablePayload(SCHEMA, 'edit')(record)).toEqual({
      id: 7,
      version: 3,
      name: '一中',
      password: 'new-secret',
      idNumber: '45090220100315124X',
      count: 0,
    });
  });

  it('sends no version for a resource that keeps none', () => {
    expect(writablePayload({ ...SCHEMA, versioned: false }, 'edit')({ id: 7, version: 3, name: 'x' })).toEqual({ id: 7, name: 'x' });
  });

  it.each([
    ['a blank write-only field (the password stays)', { password: '' }, 'password'],
    ['a null write-only field', { password: null }, 'password'],
    ['a masked value coming back unchanged', { idNumber: MASKED }, 'idNumber'],
    ['a field the form never had', { count: undefined }, 'count'],
  ])('leaves out %s', (_case, values, key) => {
    expect(writablePayload(SCHEMA, 'edit')({ id: 7, version: 3, name: 'x', ...values })).not.toHaveProperty(key);
  });

  it('sends null for a field the user cleared', () => {
    expect(writablePayload(SCHEMA, 'edit')({ id: 7, version: 3, count: null })).toEqual({ id: 7, version: 3, count: null });
  });

  it.each([
    [' 45090220100315124x ', '45090220100315124X'],
    ['４５０９０２２０１００３１５１２４Ｘ', '45090220100315124X'],
  ])('normalises the ID number %p to %p', (typed, sent) => {
    expect(writablePayload(SCHEMA, 'create')({ id: 0, idNumber: typed }).idNumber).toBe(sent);
  });
});

describe('generated create and edit forms', () => {
  const labelOf = (text: string) => screen.getByLabelText(new RegExp(`^${text}`));

  it('create: an input for every field the user sets, none for read-only ones; saves the writable payload', async () => {
    const create = jest.fn(async (_resource: string, { data }: { data: Record<string, unknown> }) => ({ data: { id: 8, ...data } }));
    await renderInPanel(<ResourceCreate schema={SCHEMA} />, { fields: FIELDS, dataProvider: testDataProvider({ create: create as never }) });
    await screen.findByLabelText(/^名称/);
    expect(screen.queryByText('状态')).toBeNull();
    expect((labelOf('代码') as HTMLInputElement).disabled).toBe(false);
    fireEvent.change(labelOf('名称'), { target: { value: '二中' } });
    fireEvent.change(labelOf('代码'), { target: { value: 'B2' } });
    fireEvent.change(labelOf('身份证号'), { target: { value: '45090220100315124x' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0][1].data).toEqual({ name: '二中', code: 'B2', idNumber: '45090220100315124X' });
  });

  it('edit: read-only fields shown as text, immutable ones locked; saves id, version and the changed record', async () => {
    const record = { id: 7, version: 3, name: '一中', code: 'A1', status: 'draft', idNumber: MASKED, count: 12, writable: true };
    const update = jest.fn(async (_resource: string, { data }: { data: Record<string, unknown> }) => ({ data: { ...record, ...data } }));
    const dataProvider = testDataProvider({ getOne: (async () => ({ data: record })) as never, update: update as never });
    await renderInPanel(
      <Routes>
        <Route path={`/${TEST_RESOURCE}/:id`} element={<ResourceEdit schema={SCHEMA} />} />
        <Route path={`/${TEST_RESOURCE}`} element={<p>{LIST_PAGE}</p>} />
      </Routes>,
      { fields: FIELDS, dataProvider, url: `/${TEST_RESOURCE}/7` },
    );
    await waitFor(() => expect((labelOf('名称') as HTMLInputElement).value).toBe('一中'));
    expect(screen.getByText('状态')).toBeTruthy();
    expect(screen.getByText('草稿')).toBeTruthy();
    expect((labelOf('代码') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(labelOf('名称'), { target: { value: '一中（新校区）' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0][1].data).toEqual({ id: 7, version: 3, name: '一中（新校区）', count: 12 });
    // Saved, the list opens again.
    expect(await screen.findByText(LIST_PAGE)).toBeTruthy();
  });
});

describe('read-only JSON fields on an edit form', () => {
  const JSON_RESOURCE = 'json-widgets';
  const JSON_FIELDS: FieldSchema[] = [
    fieldSchema('name', 'string', { label: { zh: '名称', en: 'Name' } }),
    fieldSchema('answers', 'json', { label: { zh: '检查记录', en: 'Answers' }, readOnly: true }),
    fieldSchema('result', 'json', { label: { zh: '评分明细', en: 'Result' }, readOnly: true }),
    fieldSchema('raw', 'json', { label: { zh: '原始数据', en: 'Raw' }, readOnly: true }),
    fieldSchema('message', 'json', { label: { zh: '说明', en: 'Message' }, readOnly: true, display: 'localizedText' }),
  ];
  const JSON_SCHEMA = resourceSchema(JSON_RESOURCE, JSON_FIELDS);

  /** What a feature registers for two of them: the answers counted, the result as a sentence. */
  function Counted({ source }: { source: string }) {
    const record = useRecordContext();
    return <span>已填写 {Object.keys((record?.[source] as object | undefined) ?? {}).length} 项</span>;
  }
  registerResourceExtensions({
    [JSON_RESOURCE]: { fieldDisplay: (field) => (field.key === 'answers' || field.key === 'result' ? <Counted source={field.key} /> : undefined) },
  });

  it('shows the registered display, leaves out free JSON and empty values, keeps hinted JSON', async () => {
    const record = {
      id: 7,
      name: '一中',
      answers: { paidOnTime: 'no', publicity: 'full' },
      result: null,
      raw: { secretLooking: '{"total":87.5}' },
      message: { zh: '已完成', en: 'Done' },
      writable: true,
    };
    await renderInPanel(
      <Routes>
        <Route
          path={`/${JSON_RESOURCE}/:id`}
          element={
            <ResourceContextProvider value={JSON_RESOURCE}>
              <ResourceEdit schema={JSON_SCHEMA} />
            </ResourceContextProvider>
          }
        />
      </Routes>,
      { fields: [], others: [JSON_SCHEMA], dataProvider: testDataProvider({ getOne: (async () => ({ data: record })) as never }), url: `/${JSON_RESOURCE}/7` },
    );
    await screen.findByText('已填写 2 项');
    expect(screen.getByText('检查记录')).toBeTruthy();
    // No value yet: neither the display nor its label.
    expect(screen.queryByText('评分明细')).toBeNull();
    // Free JSON: not printed raw, not labelled.
    expect(screen.queryByText('原始数据')).toBeNull();
    expect(screen.queryByText(/secretLooking/)).toBeNull();
    expect(screen.queryByText(/paidOnTime/)).toBeNull();
    // A display hint reads it as text.
    expect(screen.getByText('已完成')).toBeTruthy();
  });
});

describe('a record’s page', () => {
  const SHOWN_FIELDS: FieldSchema[] = [
    fieldSchema('name', 'string', { label: { zh: '名称', en: 'Name' } }),
    fieldSchema('code', 'string', { label: { zh: '代码', en: 'Code' } }),
    fieldSchema('reviewedAt', 'datetime', { label: { zh: '审核时间', en: 'Reviewed at' }, readOnly: true }),
    fieldSchema('count', 'integer', { label: { zh: '人数', en: 'Count' } }),
    fieldSchema('boarding', 'boolean', { label: { zh: '寄宿', en: 'Boarding' } }),
    fieldSchema('answers', 'json', { label: { zh: '检查记录', en: 'Answers' }, readOnly: true }),
    fieldSchema('samples', 'json', { label: { zh: '抽样学生', en: 'Samples' }, readOnly: true }),
  ];

  it('lists what the record holds: no bare labels for empty fields; false and 0 are values', async () => {
    const record = { id: 7, name: '一中', code: '', reviewedAt: null, count: 0, boarding: false, answers: {}, samples: [], writable: true };
    await renderInPanel(
      <Routes>
        <Route path={`/${TEST_RESOURCE}/:id/show`} element={<ResourceShow schema={resourceSchema(TEST_RESOURCE, SHOWN_FIELDS)} />} />
      </Routes>,
      { fields: SHOWN_FIELDS, dataProvider: testDataProvider({ getOne: (async () => ({ data: record })) as never }), url: `/${TEST_RESOURCE}/7/show` },
    );
    await screen.findByText('一中');
    expect(screen.getByText('名称')).toBeTruthy();
    expect(screen.getByText('人数')).toBeTruthy();
    expect(screen.getByText('0')).toBeTruthy();
    expect(screen.getByText('寄宿')).toBeTruthy();
    for (const empty of ['代码', '审核时间', '检查记录', '抽样学生']) expect(screen.queryByText(empty)).toBeNull();
  });
});
