import { FileInterceptor } from '@nestjs/platform-express';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskStorage } from 'multer';

/** Where uploaded spreadsheets wait while they are read; each route deletes its file when done. */
export const UPLOAD_DIR = join(tmpdir(), 'zizhu-imports');

/**
 * Where an import's upload waits for its job, named by the job, so that any run of the job
 * (one resumed after a restart too) finds it. `database` tells apart the databases sharing
 * the machine's temp dir (dev server, test runs), whose ids all start at 1.
 */
export function importUploadPath(database: string, id: number): string {
  return join(UPLOAD_DIR, `import-${database}-${id}`);
}

/** A short, stable name for a database: its server and name. */
export function databaseTag(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return createHash('sha256').update(`${hostname}:${port}${pathname}`).digest('hex').slice(0, 12);
}

/** A multipart `file` field saved to disk under a random name (spreadsheets are streamed from there, never held in memory). */
export function sheetUpload(maxBytes: number) {
  return FileInterceptor('file', {
    storage: diskStorage({
      destination: (_req, _file, done) => {
        mkdirSync(UPLOAD_DIR, { recursive: true });
        done(null, UPLOAD_DIR);
      },
      filename: (_req, _file, done) => done(null, randomUUID()),
    }),
    limits: { fileSize: maxBytes, files: 1 },
  });
}

/** Browsers send a file's name as latin1 bytes; Chinese names need re-decoding. */
export function uploadedName(file: Express.Multer.File): string {
  return Buffer.from(file.originalname, 'latin1').toString('utf8');
}
