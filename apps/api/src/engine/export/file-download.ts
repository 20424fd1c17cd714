import type { Response } from 'express';
import type { Writable } from 'node:stream';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface DownloadFile {
  /** The name the browser saves (UTF-8, RFC 6266 `filename*`). */
  name: string;
  /** The plain-ASCII `filename` for old clients; the encoded name when left out. */
  asciiName?: string;
  contentType?: string;
}

/**
 * Sends a file the API writes (through the xlsx or CSV writer) as a download. A refusal
 * before the first byte (e.g. a sheet wider than Excel allows) is still the usual JSON
 * error; a failure after it cuts the connection, so a partial file never looks complete.
 */
export async function sendFile(response: Response, file: DownloadFile, write: (out: Writable) => Promise<void>): Promise<void> {
  response.setHeader('Content-Type', file.contentType ?? XLSX_CONTENT_TYPE);
  response.setHeader('Content-Disposition', `attachment; filename="${file.asciiName ?? encodeURIComponent(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  try {
    await write(response);
    response.end();
  } catch (error) {
    if (!response.headersSent) {
      response.removeHeader('Content-Disposition');
      response.removeHeader('Content-Type');
      throw error;
    }
    response.destroy(error as Error);
  }
}
