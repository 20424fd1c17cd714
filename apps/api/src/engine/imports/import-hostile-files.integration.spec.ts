import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { repeated, rowXml, SHEET_OPEN, workbookParts, zipOf, type PartContent } from '../../testing/hostile-workbooks';
import { IMPORT_LIMITS } from './import-limits';
import { firstSchoolCode, idNumbers, postImport, settled, STUDENT_HEADER } from '../../testing/import-files';

const newId = idNumbers(120);
const MB = 1024 * 1024;
/** The API idles at about 260 MB; its goal is 512 MB whatever the file: what a file may add. */
const RSS_GROWTH_LIMIT = 250 * MB;

/** A sheet: the header row, then whatever the generator adds, inside <sheetData>. */
const sheet =
  (rows: () => Iterable<string | Buffer>, head = ''): PartContent =>
  function* () {
    yield `${SHEET_OPEN}${head}<sheetData>${rowXml(1, STUDENT_HEADER)}`;
    yield* rows();
    yield '</sheetData></worksheet>';
  };

/** Written straight into buffers: the spec's own garbage would blur the memory it measures. */
function* numberedEmptyRows(from: number, count: number): Generator<Buffer> {
  let chunk = Buffer.allocUnsafe(MB + 64);
  let used = 0;
  for (let n = from; n < from + count; n++) {
    used += chunk.write(`<row r="${n}"/>`, used, 'latin1');
    if (used > MB) {
      yield chunk.subarray(0, used);
      chunk = Buffer.allocUnsafe(MB + 64);
      used = 0;
    }
  }
  yield chunk.subarray(0, used);
}

/** The collector, so each case's baseline holds no garbage of the file's making. */
setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('Hostile and oversized files', () => {
  let api: TestApp;
  let school1: string;
  let code: string;

  beforeAll(async () => {
    api = await startTestApp();
    school1 = await api.login('school1');
    code = await firstSchoolCode(api, school1);
  }, 60_000);
  afterAll(() => api.close(), 30_000);

  /** Uploads, lets the job run, and reports how it ended and the highest RSS seen meanwhile. */
  async function outcome(file: Buffer, name: string): Promise<{ refused?: string; failed?: string; status: string; peakRss: number; baseRss: number }> {
    collectGarbage();
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    try {
      const upload = await postImport(api, school1, file, name);
      if (upload.status === 422) {
        expect(upload.body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED' });
        return { refused: upload.body.errors.file, status: 'refused', peakRss, baseRss };
      }
      expect(upload.status).toBe(201);
      const job = await settled(api, school1, upload.body.id);
      return { failed: job.message, status: job.status, peakRss, baseRss };
    } finally {
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }

  /** Past the rows read for the header, so the job starts and then fails. */
  const dataRows = (count: number) => Array.from({ length: count }, (_, i) => rowXml(i + 2, [newId(), `炸弹${i}`, code, '普高', '高一', '在读']));
  const emptyRowsBomb = () => zipOf(workbookParts(sheet(() => [...dataRows(40), ...numberedEmptyRows(42, 2_100_000)])));
  const emptyRowsAtTop = () => zipOf(workbookParts(sheet(() => numberedEmptyRows(2, 2_100_000))));
  const rowNumberJump = () => zipOf(workbookParts(sheet(() => ['<row r="190000000"><c r="A190000000" t="inlineStr"><is><t>x</t></is></c></row>'])));
  const sharedStringsBomb = () =>
    zipOf(
      workbookParts(sheet(() => []), {
        'xl/sharedStrings.xml': function* () {
          yield '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
          yield* repeated('<si><t>x</t></si>', 7_000_000);
          yield '</sst>';
        },
      }),
    );
  const oneHugeSharedString = () =>
    zipOf(
      workbookParts(sheet(() => []), {
        'xl/sharedStrings.xml': function* () {
          yield '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>';
          yield* repeated('黄', 20 * MB);
          yield '</t></si></sst>';
        },
      }),
    );
  const hugeDimension = () => zipOf(workbookParts(sheet(() => [rowXml(2, [newId(), '维度', code, '普高', '高一', '在读'])], '<dimension ref="A1:XFD999999999"/>')));
  const hugeCell = () =>
    zipOf(
      workbookParts(
        sheet(function* () {
          yield '<row r="2"><c r="A2" t="inlineStr"><is><t>';
          yield* repeated('A', 50 * MB);
          yield '</t></is></c></row>';
        }),
      ),
    );
  const farColumn = () => zipOf(workbookParts(sheet(() => ['<row r="2"><c r="GJH2" t="inlineStr"><is><t>远</t></is></c></row>'])));
  const manyParts = () => {
    const parts: Record<string, PartContent> = workbookParts(sheet(() => []));
    for (let i = 0; i < IMPORT_LIMITS.zipEntries + 1; i++) parts[`xl/media/image${i}.png`] = () => [''];
    return zipOf(parts);
  };
  const oneLineCsv = async () => Buffer.concat([Buffer.from('身份证号,姓名,'), ...repeated('x', 3 * MB)]);
  const longLineLaterCsv = async () =>
    Buffer.concat([Buffer.from(`${STUDENT_HEADER.join(',')}\n${newId()},黄小明,${code},普高,高一,在读\n"`), ...repeated('x', 3 * MB)]);

  // A limit passed within the rows read for the header (the first 30) refuses the upload;
  // one passed later fails the job with the same message.
  it.each([
    ['2.1 million empty rows after 40 data rows (a 1.7 MB bomb’s kind)', emptyRowsBomb, 'x.xlsx', 'failed', /^文件超过 2,000,000 行/],
    ['2.1 million empty rows right under the header', emptyRowsAtTop, 'x.xlsx', 'refused', /^文件超过 2,000,000 行/],
    ['a row numbered 190,000,000', rowNumberJump, 'x.xlsx', 'refused', /^文件超过 2,000,000 行/],
    ['100 MB+ of shared strings', sharedStringsBomb, 'x.xlsx', 'refused', /^文件中的文字（共享字符串）解压后超过 100 MB/],
    ['one shared string of 20 million characters', oneHugeSharedString, 'x.xlsx', 'refused', /^有单元格超过 32,767 个字符/],
    ['a huge declared dimension', hugeDimension, 'x.xlsx', 'refused', /^文件超过 2,000,000 行/],
    ['a single 50 MB cell', hugeCell, 'x.xlsx', 'refused', /^有单元格超过 32,767 个字符/],
    ['a value in column 5,000', farColumn, 'x.xlsx', 'refused', /^有数据的列超过 1,000 列/],
    ['10,001 parts in the zip', manyParts, 'x.xlsx', 'refused', /^Excel 文件内部的部件超过 10,000 个/],
    ['a CSV of one 3 MB line', oneLineCsv, 'x.csv', 'refused', /^CSV 文件有一行超过 1,000,000 字节/],
    ['a CSV with a 3 MB line after its first rows', longLineLaterCsv, 'x.csv', 'refused', /^CSV 文件有一行超过 1,000,000 字节/],
  ])('stops at the first limit: %s', async (_case, build, name, ending, message) => {
    const result = await outcome(await build(), name);
    expect(result.status).toBe(ending);
    expect(result.refused ?? result.failed).toMatch(message);
    expect(result.peakRss - result.baseRss).toBeLessThanOrEqual(RSS_GROWTH_LIMIT);
  }, 120_000);

  it('publishes the limits the panel shows', async () => {
    const response = await api.request('GET', '/api/imports/limits', { token: school1 });
    expect(response.body).toEqual(IMPORT_LIMITS);
  });

  it('refuses a 3,000-character file name with 422 naming the limit', async () => {
    const { status, body } = await postImport(api, school1, Buffer.from(`${STUDENT_HEADER.join(',')}\n`), `${'名'.repeat(2_996)}.csv`);
    expect(status).toBe(422);
    expect(body.errors.file).toBe('文件名超过 255 个字符，请改短后上传');
  });

  it('makes a NUL byte in a CSV cell that row’s error, not a failed job', async () => {
    const [good, bad] = [newId(), newId()];
    const csv = `${STUDENT_HEADER.join(',')},备注\n${good},黄小明,${code},普高,高一,在读,\n${bad},林\u0000二,${code},普高,高一,在读,x\u0000y\n`;
    const upload = await postImport(api, school1, Buffer.from(csv), 'nul.csv');
    expect(upload.status).toBe(201);
    const job = await settled(api, school1, upload.body.id);
    expect(job.status).toBe('validated');
    expect(job.counts).toMatchObject({ valid: 1, invalid: 1 });
    expect(job.errors).toEqual([{ row: 3, column: '姓名', message: '单元格中含有不可见的空字符（NUL），请删除后再上传' }]);
  });
});
