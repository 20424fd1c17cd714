import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repeated, rowXml, SHEET_OPEN, workbookParts, zipOf, type PartContent } from '../../testing/hostile-workbooks';
import { IMPORT_LIMITS, ImportLimitError, ReadCancelledError } from './import-limits';
import { readSheet, type SheetRow } from './sheet-reader';

const MB = 1024 * 1024;
/** Small limits, so a few megabytes stand for gigabytes. */
const limits = { ...IMPORT_LIMITS, sheetBytes: 1 * MB, sharedStringsBytes: 2 * MB, partBytes: 1 * MB, totalBytes: 6 * MB };

describe('readSheet: uncompressed sizes counted while inflating', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function write(parts: Record<string, PartContent>): Promise<string> {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(path, await zipOf(parts));
    return path;
  }
  const rows = (count: number) => () => [SHEET_OPEN, '<sheetData>', ...Array.from({ length: count }, (_, i) => rowXml(i + 1, [`第${i}行`, 'x'.repeat(200)])), '</sheetData></worksheet>'];
  const sst = (bytes: number) => () => ['<sst>', ...repeated('<si><t>甲乙</t></si>', Math.ceil(bytes / 22)), '</sst>'];
  /** Comments: parsed and ignored, yet bytes to inflate. */
  const styles = (bytes: number) => () => ['<styleSheet>', ...repeated('<!---->', Math.ceil(bytes / 7)), '</styleSheet>'];
  async function read(path: string, total = limits.totalBytes): Promise<SheetRow[]> {
    const all: SheetRow[] = [];
    for await (const row of readSheet({ path, kind: 'xlsx', limits: { ...limits, totalBytes: total } })) all.push(row);
    return all;
  }

  it.each([
    ['a sheet past its limit', () => workbookParts(rows(5_000)), 'sheetBytes', limits.totalBytes],
    ['shared strings past theirs', () => workbookParts(rows(1), { 'xl/sharedStrings.xml': sst(3 * MB) }), 'sharedStringsBytes', limits.totalBytes],
    ['styles past the limit for other parts', () => workbookParts(rows(1), { 'xl/styles.xml': styles(1.2 * MB) }), 'partBytes', limits.totalBytes],
    // 0.9 + 1.9 + 0.3 MB, each within its own limit, past a 3 MB total.
    ['parts each within theirs, past the total', () => workbookParts(rows(1_000), { 'xl/sharedStrings.xml': sst(1.9 * MB), 'xl/styles.xml': styles(0.9 * MB) }), 'totalBytes', 3 * MB],
  ] as const)('stops at %s', async (_case, parts, limit, total = limits.totalBytes) => {
    const path = await write(parts());
    await expect(read(path, total)).rejects.toEqual(new ImportLimitError(limit));
  }, 30_000);

  it('reads a workbook within every limit, shared strings included', async () => {
    const path = await write(
      workbookParts(() => [SHEET_OPEN, '<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>3</v></c></row></sheetData></worksheet>'], {
        'xl/sharedStrings.xml': () => ['<sst><si><t>甲</t></si><si><r><t>黄</t></r><r><t>小明</t></r><rPh><t>huang</t></rPh></si></sst>'],
      }),
    );
    expect(await read(path)).toEqual([{ number: 1, cells: ['黄小明', 3] }]);
  });

  it('stops reading when the signal aborts', async () => {
    const path = await write(workbookParts(rows(5_000)));
    const reading = new AbortController();
    const seen: SheetRow[] = [];
    await expect(
      (async () => {
        for await (const row of readSheet({ path, kind: 'xlsx', signal: reading.signal })) {
          seen.push(row);
          reading.abort();
        }
      })(),
    ).rejects.toBeInstanceOf(ReadCancelledError);
    expect(seen.length).toBeLessThan(5_000);
  }, 30_000);
});
