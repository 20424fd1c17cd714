import { screen, within } from '@testing-library/react';
import type { RecordHistoryEntry } from '@zizhu/schema';
import { RecordContextProvider } from 'react-admin';
import { httpClient } from '../providers/http-client';
import { fieldSchema, renderInPanel, resourceSchema, TEST_RESOURCE } from '../testing/panel-harness';
import { RecordHistoryPanel } from './record-history-panel';

jest.mock('../providers/http-client', () => ({ ...jest.requireActual('../providers/http-client'), httpClient: jest.fn() }));
const api = httpClient as jest.MockedFunction<typeof httpClient>;

const FIELDS = [fieldSchema('name', 'string'), fieldSchema('grade', 'string')];
const AUDIT_LOG = resourceSchema('audit-log', [
  fieldSchema('action', 'enum', {
    options: [
      { value: 'create', label: { zh: '新增', en: 'Create' } },
      { value: 'update', label: { zh: '修改', en: 'Update' } },
      { value: 'import', label: { zh: '导入', en: 'Import' } },
    ],
  }),
]);
const entry = (overrides: Partial<RecordHistoryEntry>): RecordHistoryEntry => ({
  at: '2026-12-01T02:00:00.000Z',
  userId: 3,
  userName: '王老师',
  action: 'update',
  importId: null,
  importFile: null,
  before: null,
  after: null,
  ...overrides,
});

function renderPanel(audited: boolean, others = [AUDIT_LOG]) {
  return renderInPanel(
    <RecordContextProvider value={{ id: 42, name: '甲', grade: '高三' }}>
      <RecordHistoryPanel schema={resourceSchema(TEST_RESOURCE, FIELDS, { audited })} />
    </RecordContextProvider>,
    { fields: FIELDS, others },
  );
}

describe('RecordHistoryPanel', () => {
  beforeEach(() => api.mockReset());

  it('shows a hand edit and an import update field by field, the import as 导入批次 N linked to its page', async () => {
    api.mockResolvedValue({
      status: 200,
      headers: new Headers(),
      body: '',
      json: [
        entry({ before: { name: '甲', grade: '高二', version: 2 }, after: { name: '甲', grade: '高三', version: 3 } }),
        entry({ importId: 7, importFile: '名单.xlsx', before: { name: '甲', grade: '高一' } }),
        entry({ action: 'create', importId: 5, importFile: '新生.xlsx' }),
      ],
    });
    await renderPanel(true);
    await screen.findByText('手工操作');
    const rows = screen.getAllByRole('row');
    expect(api).toHaveBeenCalledWith(`/api/record-history/${TEST_RESOURCE}/42`);
    expect(rows).toHaveLength(4);
    expect(within(rows[1]).getByText('修改')).toBeTruthy();
    expect(within(rows[1]).getByText('手工操作')).toBeTruthy();
    expect(within(rows[1]).getByText('grade标签：高二 → 高三')).toBeTruthy();
    const link = within(rows[2]).getByRole('link', { name: '导入批次 7（名单.xlsx）' });
    expect(link.getAttribute('href')).toBe('/imports/7');
    // The import's written values are what the edit after it replaced: only the grade changed.
    expect(within(rows[2]).getByText('grade标签：高一 → 高二')).toBeTruthy();
    expect(within(rows[3]).getByText('新增')).toBeTruthy();
    expect(within(rows[3]).getByText('按导入文件新增')).toBeTruthy();
  });

  it('shows nothing, and asks nothing, for a resource not audited or a user who may not read the audit log', async () => {
    await renderPanel(false);
    await renderPanel(true, []);
    expect(screen.queryByTestId('record-history')).toBeNull();
    expect(api).not.toHaveBeenCalled();
  });
});
