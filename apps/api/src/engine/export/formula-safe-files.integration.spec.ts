import { idNumberCheckChar } from '@zizhu/schema';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';
import { designedProgram } from '../../testing/program.fixtures';
import { startsFormula } from './formula-safety';

type Rec = Record<string, Json>;

const SLOW = 60_000;

/** Every way text can start a formula or a DDE call in Excel or WPS. */
const HOSTILE = [
  '=1+1',
  '+SUM(1)',
  '-2+3',
  '@A1',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠A1',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://x.example","点我")',
];

/** The API trims what it stores; files written from stored records carry these. */
const STORED = HOSTILE.map((h) => h.trim());

type Format = 'xlsx' | 'csv' | 'csv-gbk';

interface FileCase {
  file: string;
  format: Format;
  download(): Promise<Buffer>;
  /** Hostile texts the file must carry, neutralised. */
  planted: readonly string[];
  /** A legitimate negative number the file must keep as a number. */
  negative?: boolean;
}

/** Every text the file holds, and every numeric cell; throws if any xlsx cell is a formula. */
async function contents(buffer: Buffer, format: Format): Promise<{ texts: string[]; numbers: number[] }> {
  if (format !== 'xlsx') {
    const text = format === 'csv' ? buffer.toString('utf8').replace(/^\uFEFF/, '') : iconv.decode(buffer, 'gbk');
    const fields = (parse(text, { relax_column_count: true }) as string[][]).flat();
    return { texts: fields, numbers: fields.filter((f) => /^-?\d+(\.\d+)?$/.test(f)).map(Number) };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const texts: string[] = [];
  const numbers: number[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        expect({ at: cell.address, formula: cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined }).toEqual({ at: cell.address, formula: false });
        if (typeof cell.value === 'string') texts.push(cell.value);
        else if (typeof cell.value === 'number') numbers.push(cell.value);
        else if (cell.value && typeof cell.value === 'object' && !(cell.value instanceof Date)) throw new Error(`${cell.address} is not a plain value: ${JSON.stringify(cell.value)}`);
      }),
    );
  }
  return { texts, numbers };
}

/** XML turns a lone CR into LF on reading; the apostrophe in front is what matters. */
const sameText = (read: string, written: string) => read.replace(/\r\n?/g, '\n') === written.replace(/\r\n?/g, '\n');

describe('formula-safe files: every file the API writes', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let program: Rec;
  let roster: Rec;
  let importId: number;

  const call = (method: string, path: string, user: string, body?: unknown) => api.request(method, path, { token: token[user], body });
  const get = async (path: string, user: string): Promise<Buffer> => {
    const response = await fetch(api.baseUrl + path, { headers: { authorization: `Bearer ${token[user]}`, 'accept-language': 'zh-CN' } });
    const buffer = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${buffer.toString('utf8').slice(0, 300)}`);
    return buffer;
  };
  const exportJob = async (format: 'xlsx' | 'csv'): Promise<Buffer> => {
    const started = await call('POST', `/api/students/export-jobs?format=${format}&filter=${encodeURIComponent(JSON.stringify({ className: '-2+3' }))}`, 'admin');
    expect(started.status).toBe(202);
    for (let i = 0; i < 200; i++) {
      const job = (await call('GET', `/api/export-jobs/${started.body.id}`, 'admin')).body;
      if (job.status === 'done') return get(`/api/export-jobs/${started.body.id}/file`, 'admin');
      if (job.status === 'failed') throw new Error(job.message?.en ?? 'export job failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('export job did not finish');
  };
  const studentExport = (params: string) => get(`/api/students/export?${params}&filter=${encodeURIComponent(JSON.stringify({ className: '-2+3' }))}`, 'admin');

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'school1', 'finance']) token[user] = await api.login(user);
    const [school] = (await call('GET', `/api/schools${listQuery({ range: [0, 0] })}`, 'school1')).body as Rec[];
    const stage = school.stages[0] as string;
    const students: Rec[] = [];
    for (const [i, name] of HOSTILE.entries()) {
      const first17 = `4509022011${String(301 + i).padStart(4, '0')}123`; // born 2011-03-01 + i
      const created = await call('POST', '/api/students', 'admin', {
        idNumber: first17 + idNumberCheckChar(first17),
        name,
        guardianName: HOSTILE[(i + 1) % HOSTILE.length],
        grade: HOSTILE[(i + 2) % HOSTILE.length].slice(0, 20),
        className: '-2+3',
        schoolId: school.id,
        stage,
        status: 'enrolled',
      });
      expect({ status: created.status, errors: created.body.errors }).toEqual({ status: 201, errors: undefined });
      students.push(created.body);
    }
    program = (
      await call(
        'POST',
        '/api/programs',
        'admin',
        designedProgram({
          name: '=HYPERLINK("http://x.example","点我")',
          code: 'HOSTILE',
          stages: [stage],
          tiers: [{ code: 'T1', label: '@A1', amount: 50000 }],
          applicationFields: [{ key: 'familySize', label: '＝1+1', type: 'number' }],
          supervisionPhone: '0775-2821234',
        }),
      )
    ).body;
    expect(program.id).toEqual(expect.any(Number));
    roster = (await call('POST', '/api/rosters', 'school1', { programId: program.id, year: 2026, term: 'autumn', schoolId: school.id })).body;
    for (const student of students) {
      const entry = await call('POST', '/api/roster-entries', 'school1', { rosterId: roster.id, studentId: student.id, tier: 'T1', applicationData: {} });
      expect([201, 422]).toContain(entry.status); // auto-enrolled already, or added now
    }
    const allocation = await call('POST', '/api/allocations', 'finance', {
      programId: program.id, year: 2026, term: 'autumn', source: 'city', regionId: '450900', amount: 100000, documentNumber: '+SUM(1)', date: '2026-09-01',
    });
    expect(allocation.status).toBe(201);

    // An import whose rows fail, carrying hostile cells and a legitimate negative number.
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const csv = ['身份证号,姓名,学校标识码,年级,班级,学籍状态', ...HOSTILE.map((h) => ['bad', quoted(h), school.code, '-5', quoted(h), '在读'].join(','))].join('\r\n');
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', 'upsert');
    form.set('file', new Blob([Buffer.from(csv, 'utf8')]), 'hostile.csv');
    const upload = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token.school1}` }, body: form });
    const uploaded = await upload.json();
    expect(upload.status).toBe(201);
    importId = uploaded.id;
    for (let i = 0; i < 200; i++) {
      const job = (await call('GET', `/api/imports/${importId}`, 'school1')).body;
      if (job.status !== 'validating') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, SLOW);
  afterAll(() => api.close());

  const cases: FileCase[] = [
    { file: 'students export (xlsx)', format: 'xlsx', download: () => studentExport('format=xlsx'), planted: STORED },
    { file: 'students export (CSV, UTF-8)', format: 'csv', download: () => studentExport('format=csv'), planted: STORED },
    { file: 'students export (CSV, GBK)', format: 'csv-gbk', download: () => studentExport('format=csv&encoding=gbk'), planted: STORED },
    { file: 'export job (xlsx)', format: 'xlsx', download: () => exportJob('xlsx'), planted: STORED },
    { file: 'export job (CSV)', format: 'csv', download: () => exportJob('csv'), planted: STORED },
    { file: 'import template', format: 'xlsx', download: () => get('/api/imports/template/students', 'school1'), planted: [] },
    { file: 'import error workbook', format: 'xlsx', download: () => get(`/api/imports/${importId}/errors.xlsx`, 'school1'), planted: HOSTILE },
    { file: 'roster application template', format: 'xlsx', download: () => get(`/api/rosters/${roster.id}/applications/template.xlsx`, 'school1'), planted: ['＝1+1'] },
    { file: '公示 notice', format: 'xlsx', download: () => get(`/api/rosters/${roster.id}/notice.xlsx?start=2026-09-01&end=2026-09-07`, 'school1'), planted: STORED },
    {
      file: 'reconciliation',
      format: 'xlsx',
      download: () => get('/api/funds/reconciliation.xlsx?groupBy=program,region', 'finance'),
      planted: ['=HYPERLINK("http://x.example","点我")'],
      negative: true,
    },
  ];

  it.each(cases)('$file: no formula, every hostile text neutralised, negative numbers kept', async ({ format, download, planted, negative }) => {
    const { texts, numbers } = await contents(await download(), format);
    const unsafe = texts.filter((t) => startsFormula(t) && !(format !== 'xlsx' && /^\t\d+$/.test(t)));
    expect(unsafe).toEqual([]);
    for (const hostile of planted) {
      expect({ hostile, found: texts.some((t) => sameText(t, `'${hostile}`)) }).toEqual({ hostile, found: true });
    }
    if (negative) expect(numbers.some((n) => n < 0)).toBe(true);
  }, SLOW);

  it('keeps a plain negative number as it was uploaded in the error workbook', async () => {
    const { texts } = await contents(await get(`/api/imports/${importId}/errors.xlsx`, 'school1'), 'xlsx');
    expect(texts).toContain('-5');
    expect(texts).not.toContain("'-5");
  }, SLOW);
});
