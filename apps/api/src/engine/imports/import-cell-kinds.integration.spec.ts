import { startTestApp, type TestApp } from '../../testing/test-app';
import { firstSchoolCode, idNumbers, settled, startImport, STUDENT_HEADER, xlsxOf } from '../../testing/import-files';

const HEADER = [...STUDENT_HEADER, '出生日期'];
const newId = idNumbers(40);
/** The birth date inside an ID number, as Excel's serial day number. */
const serialOf = (id: string) => Date.UTC(Number(id.slice(6, 10)), Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14))) / 86_400_000 + 25569;

describe('Excel import: every kind of cell', () => {
  let api: TestApp;
  let school1: string;
  let code: string;

  beforeAll(async () => {
    api = await startTestApp();
    school1 = await api.login('school1');
    code = await firstSchoolCode(api, school1);
  }, 60_000);
  afterAll(() => api.close(), 30_000);

  it('uses a formula’s saved plain value, reads rich text and hyperlinks as their text, and fails rows with formulas without a value or error values', async () => {
    const [plain, formulas, noResult, errorValue, errorResult] = [newId(), newId(), newId(), newId(), newId()];
    const file = await xlsxOf([
      HEADER,
      [plain, { richText: [{ text: '黄' }, { font: { bold: true }, text: '小明' }] }, code, '普高', { text: '高一', hyperlink: 'https://example.org/g1' }, '在读', null],
      [
        formulas,
        { formula: 'CONCAT("林","一")', result: '林一' },
        { formula: `"${code}"`, result: code },
        '普高',
        '高二',
        '在读',
        { formula: 'DATE(2012,3,15)+0', result: serialOf(formulas) },
      ],
      [noResult, { formula: 'CONCAT("林","二")' }, code, '普高', '高一', '在读', null],
      [errorValue, '林三', code, '普高', { error: '#N/A' }, '在读', null],
      [errorResult, '林四', code, { formula: 'VLOOKUP(1,Z1:Z2,2,FALSE)', result: { error: '#N/A' } }, '高一', '在读', null],
    ], (sheet) => (sheet.getCell('G3').numFmt = 'yyyy-mm-dd'));
    const job = await settled(api, school1, await startImport(api, school1, file, 'kinds.xlsx'));
    expect(job.status).toBe('validated');
    const byRow = (row: number) => job.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string; message: string }) => `${e.column}: ${e.message}`);
    expect([byRow(2), byRow(3)]).toEqual([[], []]);
    expect(byRow(4)).toEqual([expect.stringMatching(/^姓名: 该单元格是公式（=CONCAT\("林","二"\)），没有保存计算结果：请粘贴为数值/)]);
    expect(byRow(5)).toEqual(['年级: 该单元格是错误值 #N/A，请改正后再上传']);
    // exceljs saves no cached error result, so this is a formula without a value too.
    expect(byRow(6)).toEqual([expect.stringMatching(/^学段: 该单元格是公式（=VLOOKUP/)]);
    expect(job.counts).toMatchObject({ valid: 2, invalid: 3 });

    await api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: { allOrNothing: false } });
    expect((await settled(api, school1, job.id)).status).toBe('committed');
    const admin = await api.login('admin');
    const stored = async (idNumber: string) =>
      (await api.request('GET', `/api/students?filter=${encodeURIComponent(JSON.stringify({ q: idNumber }))}`, { token: admin })).body[0];
    expect(await stored(plain)).toMatchObject({ name: '黄小明', grade: '高一' });
    expect(await stored(formulas)).toMatchObject({ name: '林一', grade: '高二' });
    expect(await stored(noResult)).toBeUndefined();
  });
});
