import ExcelJS from 'exceljs';
import { startTestApp, type Json, type TestApp } from '../../testing/test-app';

type Rec = Record<string, Json>;

/** Every column the sheet has: scored choices, conditions, a data item, a sample, a label Excel would read as a formula. */
const DEFINITION = {
  sections: [
    {
      key: 'funds',
      title: '资金发放',
      weight: 2,
      items: [
        { key: 'paidOnTime', type: 'yesNoNa', label: '资金按时足额发放', help: '查看发放记录', required: true, critical: true, naAllowed: false, weight: 3 },
        { key: 'lateCount', type: 'number', label: '超期发放笔数', dataItem: 'latePayments', min: 0, decimals: 0 },
        {
          key: 'publicity',
          type: 'select',
          label: '=公示情况',
          choices: [
            { value: 'full', label: '规范公示', score: 10 },
            { value: 'none', label: '未公示', score: 0 },
          ],
          findingWhen: { '==': [{ var: 'values.publicity' }, 'none'] },
        },
        { key: 'reason', type: 'text', label: '未按时发放原因', visibleWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] }, requiredWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] } },
      ],
    },
    {
      key: 'students',
      title: '学生抽查',
      items: [
        { key: 'hardship', type: 'multiSelect', label: '困难类型', options: '低收入,因病,因灾', evidenceWhen: { '!!': [{ var: 'values.hardship' }] } },
        { key: 'cardHeld', type: 'boolean', label: '抽查学生', sample: { size: 5, questions: [{ key: 'card', type: 'boolean', label: '资助卡由学生本人持有' }] } },
      ],
    },
  ],
};

/** A checklist version's Excel: exported, imported back into a draft unchanged; bad rows reported; a published version refuses. */
describe('checklist version sheet (Excel out and in)', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let template: Rec;
  let draft: Rec;

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });
  const download = async (id: number, user = 'yuzhou', lang = 'zh-CN') => {
    const response = await fetch(`${api.baseUrl}/api/checklist-versions/${id}/export.xlsx`, { headers: { authorization: `Bearer ${token[user]}`, 'accept-language': lang } });
    return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  };
  const upload = async (id: number, file: Buffer, name = '检查表.xlsx', user = 'yuzhou') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    const response = await fetch(`${api.baseUrl}/api/checklist-versions/${id}/import`, { method: 'POST', headers: { authorization: `Bearer ${token[user]}`, 'accept-language': 'zh-CN' }, body: form });
    return { status: response.status, body: await response.json() };
  };
  const newDraft = async () => (await call('POST', `/api/checklist-templates/${template.id}/new-version`, 'yuzhou', {})).body;
  /** The sheet's rows as exceljs reads them (row 1 header, row 2 the hidden keys). */
  const workbookOf = async (file: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    return workbook;
  };
  const bufferOf = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['yuzhou', 'inspector']) token[user] = await api.login(user);
    template = (await call('POST', '/api/checklist-templates', 'yuzhou', { code: 'YZ-EXCEL', name: '资助工作专项检查', kind: 'special', regionId: '450902' })).body;
    const started = await newDraft();
    draft = (await call('PUT', `/api/checklist-versions/${started.id}`, 'yuzhou', { definition: DEFINITION, version: started.version })).body;
    expect(draft.definition).toEqual(DEFINITION);
  }, 120_000);
  afterAll(() => api.close());

  it('successful: exported, one row per item, texts formula-safe; imported into another draft, the same definition', async () => {
    const file = await download(draft.id);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const sheet = (await workbookOf(file.body)).worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('部分代码');
    expect(sheet.getRow(2).hidden).toBe(true);
    expect(sheet.rowCount).toBe(2 + 6);
    expect(sheet.getRow(5).getCell(5).value).toBe("'=公示情况");

    const other = await newDraft();
    const imported = await upload(other.id, file.body);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ id: other.id, status: 'draft', version: other.version + 1 });
    expect(imported.body.definition).toEqual(DEFINITION);
    // An English export reads back the same.
    const english = await upload(other.id, (await download(draft.id, 'yuzhou', 'en')).body);
    expect(english.status).toBe(200);
    expect(english.body.definition).toEqual(DEFINITION);
    // Readers (an inspector) may export; only designers import.
    expect((await download(draft.id, 'inspector')).status).toBe(200);
    expect((await upload(other.id, file.body, '检查表.xlsx', 'inspector')).status).toBe(403);
  });

  it('failing: bad cells are reported by row and column, and nothing changes', async () => {
    const target = await newDraft();
    const workbook = await workbookOf((await download(draft.id)).body);
    const sheet = workbook.worksheets[0];
    sheet.getRow(3).getCell(8).value = '也许'; // 必填
    sheet.getRow(4).getCell(9).value = '很重'; // 权重
    sheet.getRow(6).getCell(20).value = '{"==": ['; // 显示条件
    const response = await upload(target.id, await bufferOf(workbook));
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual(['file', 'rows.3.required', 'rows.4.weight', 'rows.6.visibleWhen']);
    expect(response.body.errors['rows.3.required']).toContain('第 3 行 必填');
    expect((await call('GET', `/api/checklist-versions/${target.id}`, 'yuzhou')).body).toMatchObject({ version: target.version, definition: target.definition });
  });

  it('failing: a definition problem lands on its row and column (a condition on an unknown item)', async () => {
    const target = await newDraft();
    const workbook = await workbookOf((await download(draft.id)).body);
    workbook.worksheets[0].getRow(8).getCell(20).value = '{"==": [{"var": "values.ghost"}, true]}';
    const response = await upload(target.id, await bufferOf(workbook));
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual(['file', 'rows.8.visibleWhen']);
    expect(response.body.errors['rows.8.visibleWhen']).toContain('ghost');
  });

  it('failing: not a checklist sheet, or no file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['姓名', '金额']);
    const target = await newDraft();
    const response = await upload(target.id, await bufferOf(workbook));
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual(['file']);
    expect((await upload(target.id, Buffer.from('a,b'), 'x.csv')).status).toBe(422);
  });

  it('failing: a published version refuses an import (409) and keeps its definition', async () => {
    const published = await newDraft();
    expect((await call('POST', `/api/checklist-versions/${published.id}/publish`, 'yuzhou', {})).status).toBeLessThan(300);
    const response = await upload(published.id, (await download(draft.id)).body);
    expect(response.status).toBe(409);
    expect((await call('GET', `/api/checklist-versions/${published.id}`, 'yuzhou')).body.definition).toEqual(published.definition);
  });
});
