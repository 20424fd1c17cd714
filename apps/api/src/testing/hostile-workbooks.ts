import { createDeflateRaw, crc32 } from 'node:zlib';

/**
 * Hand-built zips for the import specs: workbooks no spreadsheet program writes (bombs,
 * lying headers), built by streaming so the spec process itself stays small.
 */

/** A part's content as chunks produced on demand (a generator may yield gigabytes). */
export type PartContent = () => Iterable<string | Buffer>;

export async function zipOf(parts: Record<string, PartContent>): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, content] of Object.entries(parts)) {
    const { data, crc, size } = await deflated(content());
    const name = Buffer.from(path);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size % 2 ** 32, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(size % 2 ** 32, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(record, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Math.min(Object.keys(parts).length, 0xffff);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function deflated(chunks: Iterable<string | Buffer>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

/** `text` repeated `times` times, in chunks of about a megabyte. */
export function* repeated(text: string, times: number): Generator<Buffer> {
  const per = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(text)));
  const block = Buffer.from(text.repeat(per));
  for (let done = 0; done < times; done += per) yield done + per <= times ? block : Buffer.from(text.repeat(times - done));
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An inline-string row, as streaming writers write it. */
export function rowXml(number: number, cells: string[]): string {
  const columns = cells.map((text, i) => `<c r="${String.fromCharCode(65 + i)}${number}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`);
  return `<row r="${number}">${columns.join('')}</row>`;
}

export const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** The smallest workbook: one sheet whose XML the generator gives, and any other parts. */
export function workbookParts(sheet: PartContent, extra: Record<string, PartContent> = {}): Record<string, PartContent> {
  return {
    '[Content_Types].xml': () => [
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ],
    'xl/workbook.xml': () => [
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ],
    ...extra,
    'xl/worksheets/sheet1.xml': sheet,
  };
}
