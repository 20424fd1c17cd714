import ExcelJS from 'exceljs';
import { listQuery, startTestApp, type TestApp } from '../../testing/test-app';
import { IMPORT_LIMITS } from './import-limits';

const SLOW = 120_000;

/** The widest file an import takes; the error workbook adds 错误说明 and 原行号 to its columns. */
const WIDEST = IMPORT_LIMITS.columns;

describe('import error workbook of a very wide file', () => {
  let api: TestApp;
  let school1: string;
  let schoolCode: string;

  beforeAll(async () => {
    api = await startTestApp();
    school1 = await api.login('school1');
    [{ code: schoolCode }] = (await api.request('GET', `/api/schools${listQuery({})}`, { token: school1 })).body;
  }, SLOW);
  afterAll(() => api.close());

  /** A CSV with the students' columns, then filler columns up to `width`, and one bad row. */
  async function uploadWide(width: number): Promise<Response> {
    const header = ['身份证号', '姓名', '学校标识码', '年级', '学籍状态'];
    // ASCII filler: the encoding sniffer reads the first 64 KB, which a long Chinese header line could cut mid-character.
    const filler = Array.from({ length: width - header.length }, (_, i) => `c${i + 1}`);
    const row = ['不是身份证号', '黄小明', schoolCode, '高一', '在读', ...filler.map(() => 'x')];
    const csv = `${[...header, ...filler].join(',')}\r\n${row.join(',')}\r\n`;
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', 'upsert');
    form.set('file', new Blob([Buffer.from(csv, 'utf8')]), 'wide.csv');
    return fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${school1}` }, body: form });
  }

  async function importWide(width: number): Promise<number> {
    const response = await uploadWide(width);
    const body = await response.json();
    expect({ status: response.status, body }).toEqual({ status: 201, body: { id: expect.any(Number) } });
    for (let i = 0; i < 600; i++) {
      const job = (await api.request('GET', `/api/imports/${body.id}`, { token: school1 })).body;
      if (job.status !== 'validating') {
        expect(job.counts.invalid).toBe(1);
        return body.id;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('import did not settle');
  }

  const errorWorkbook = (id: number) => fetch(`${api.baseUrl}/api/imports/${id}/errors.xlsx`, { headers: { authorization: `Bearer ${school1}`, 'accept-language': 'zh-CN' } });

  it('refuses a 20,000-column file at upload, naming the column limit (its error workbook could never be written whole)', async () => {
    const response = await uploadWide(20_000);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED', errors: { file: expect.stringContaining(WIDEST.toLocaleString('en-US')) } });
  }, SLOW);

  it('writes the whole error workbook of a file at the column limit', async () => {
    const response = await errorWorkbook(await importWide(WIDEST));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).cellCount).toBe(WIDEST + 2);
    expect(sheet.getRow(1).getCell(WIDEST + 1).value).toBe('错误说明');
    expect(sheet.getRow(2).getCell(1).value).toBe('不是身份证号');
    expect(sheet.getRow(2).getCell(WIDEST + 2).value).toBe(2);
  }, SLOW);
});
