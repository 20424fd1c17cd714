/// <reference path="./unzipper.d.ts" />
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { Open } from 'unzipper';
import { ImportLimitError, type ImportLimitName, ReadCancelledError } from './import-limits';

/** A part of a zip as its central directory lists it. */
export interface ZipEntry {
  path: string;
  compressionMethod: number;
  compressedSize: number;
  uncompressedSize: number;
  offsetToLocalFileHeader: number;
}

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end record (22 bytes) plus the longest comment a zip may carry. */
const TAIL_BYTES = 22 + 0xffff;

/**
 * The zip's parts by path. The count the end record declares is checked first, as unzipper
 * reads that many directory records into memory (a zip64 count, 0xffff, is past any limit).
 */
export async function zipDirectory(path: string, maxEntries: number): Promise<Map<string, ZipEntry>> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
    await handle.read(tail, 0, tail.length, size - tail.length);
    const at = tail.lastIndexOf(END_OF_DIRECTORY);
    if (at < 0 || at + 22 > tail.length) throw new Error('not a zip file');
    if (tail.readUInt16LE(at + 10) > maxEntries) throw new ImportLimitError('zipEntries');
  } finally {
    await handle.close();
  }
  const directory = (await Open.file(path)) as unknown as { files: ZipEntry[] };
  return new Map(directory.files.map((entry) => [entry.path, entry]));
}

/** Uncompressed bytes read from all parts of one file, against the limit for all of them. */
export class InflateBudget {
  private used = 0;

  constructor(private readonly max: number) {}

  spend(bytes: number): void {
    this.used += bytes;
    if (this.used > this.max) throw new ImportLimitError('totalBytes');
  }
}

export interface InflateOptions {
  /** The limit this part's own size counts against, and its value. */
  limit: ImportLimitName;
  maxBytes: number;
  budget: InflateBudget;
  /** Longest stretch between two `<` (one cell's text, one tag): bounds what the XML parser buffers. */
  maxMarkupGap: number;
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
}

/**
 * One part's bytes, inflated here (not by a library that trusts the sizes the zip declares)
 * and counted as they come: reading stops at the first limit passed or when the signal
 * aborts, between chunks, and the file is closed.
 */
export async function* inflateEntry(zipPath: string, entry: ZipEntry, options: InflateOptions): AsyncGenerator<Buffer> {
  const header = Buffer.alloc(30);
  const handle = await open(zipPath, 'r');
  try {
    await handle.read(header, 0, 30, entry.offsetToLocalFileHeader);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`bad local header for ${entry.path}`);
  if (entry.compressedSize === 0) return;
  const start = entry.offsetToLocalFileHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = createReadStream(zipPath, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
  let source: Readable;
  if (entry.compressionMethod === 0) source = raw;
  else if (entry.compressionMethod === 8) source = pipeline(raw, createInflateRaw(), () => undefined);
  else {
    raw.destroy();
    throw new Error(`unsupported compression ${entry.compressionMethod} in ${entry.path}`);
  }
  let bytes = 0;
  let gap = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw new ReadCancelledError();
      bytes += chunk.length;
      if (bytes > options.maxBytes) throw new ImportLimitError(options.limit);
      options.budget.spend(chunk.length);
      gap = markupGap(chunk, gap, options.maxMarkupGap);
      options.onBytes?.(bytes);
      yield chunk;
    }
  } finally {
    source.destroy();
    raw.destroy();
  }
}

/** Bytes since the last `<` after this chunk; a stretch longer than `max` is a cell past the limit. */
function markupGap(chunk: Buffer, before: number, max: number): number {
  let last = -1;
  let gap = before;
  for (let at = chunk.indexOf(0x3c); at >= 0; at = chunk.indexOf(0x3c, at + 1)) {
    if (gap + (at - last - 1) > max) throw new ImportLimitError('cellChars');
    gap = 0;
    last = at;
  }
  gap += chunk.length - last - 1;
  if (gap > max) throw new ImportLimitError('cellChars');
  return gap;
}
