/// <reference path="./exceljs-internals.d.ts" />
import parseSax from 'exceljs/lib/utils/parse-sax';
import { Buffer } from 'node:buffer';

const PAGE_BYTES = 4 * 1024 * 1024;

/**
 * A workbook's shared strings kept compactly: their UTF-8 bytes end to end in large pages
 * and one 32-bit offset a string, instead of one JS string object each (millions of short
 * ID numbers and names — or a bomb of ten million one-letter strings — would cost several
 * times their text).
 */
export class SharedStrings {
  private readonly pages: Buffer[] = [];
  private used = PAGE_BYTES;
  /** starts[i] is where string i begins; starts[count] where the next one would. */
  private starts = new Uint32Array(1024);
  private size = 0;

  get count(): number {
    return this.size;
  }

  push(text: string): void {
    let bytes = Buffer.from(text);
    while (bytes.length) {
      if (this.used === PAGE_BYTES) {
        this.pages.push(Buffer.allocUnsafe(PAGE_BYTES));
        this.used = 0;
      }
      const written = bytes.copy(this.pages[this.pages.length - 1], this.used);
      this.used += written;
      bytes = bytes.subarray(written);
    }
    if (this.size + 2 > this.starts.length) this.grow();
    this.size++;
    this.starts[this.size] = (this.pages.length - 1) * PAGE_BYTES + this.used;
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.size)) return undefined;
    const [start, end] = [this.starts[index], this.starts[index + 1]];
    const [first, last] = [Math.floor(start / PAGE_BYTES), Math.floor((end - 1) / PAGE_BYTES)];
    if (end <= start) return '';
    if (first === last) return this.pages[first].toString('utf8', start - first * PAGE_BYTES, end - first * PAGE_BYTES);
    const parts = [];
    for (let page = first; page <= last; page++) {
      parts.push(this.pages[page].subarray(page === first ? start - page * PAGE_BYTES : 0, page === last ? end - page * PAGE_BYTES : PAGE_BYTES));
    }
    return Buffer.concat(parts).toString('utf8');
  }

  /** What exceljs's worksheet reader indexes (`sharedStrings[i]`). */
  asArray(): string[] {
    return new Proxy([] as string[], {
      get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? this.get(Number(key)) : Reflect.get(target, key)),
    });
  }

  private grow(): void {
    const starts = new Uint32Array(Math.ceil(this.starts.length * 1.5));
    starts.set(this.starts);
    this.starts = starts;
  }
}

/**
 * Reads `xl/sharedStrings.xml`: each `<si>`'s text, rich-text runs joined, phonetic guides
 * (`<rPh>`) left out.
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<SharedStrings> {
  const strings = new SharedStrings();
  let text = '';
  let inText = false;
  let phonetic = 0;
  for await (const events of parseSax(chunks)) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (inText && !phonetic) text += event.value;
      } else if (event.eventType === 'opentag') {
        if (event.value.name === 't') inText = true;
        else if (event.value.name === 'si') text = '';
        else if (event.value.name === 'rPh') phonetic++;
      } else if (event.value.name === 't') inText = false;
      else if (event.value.name === 'rPh') phonetic--;
      else if (event.value.name === 'si') strings.push(text);
    }
  }
  return strings;
}
