import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { IMPORT_MESSAGES } from './import-messages';
import { UPLOAD_DIR } from './sheet-upload';

/** How long staged rows and upload files may outlive their job's end (or its last step). */
const KEEP_HOURS = 24;
const OLDER = `now() - interval '${KEEP_HOURS} hours'`;

/** Cancels jobs validated a day ago and never committed; the jobs, for their rows and files to go. */
export async function expireIdleJobs(db: DataSource): Promise<{ id: number }[]> {
  const [expired]: [{ id: number }[], number] = await db.query(
    `UPDATE imports SET status = 'cancelled', message = $1, finished_at = now()
      WHERE status = 'validated' AND COALESCE(finished_at, started_at) < ${OLDER} RETURNING id`,
    [IMPORT_MESSAGES.expired],
  );
  return expired;
}

/** Staged rows of jobs that ended a day ago (a committed job's failing rows, kept for its error workbook). */
export async function dropOldStagedRows(db: DataSource): Promise<void> {
  await db.query(
    `DELETE FROM import_rows r USING imports i
      WHERE i.id = r.import_id AND i.status IN ('committed', 'cancelled', 'failed') AND i.finished_at < ${OLDER}`,
  );
}

/** Files in the upload directory a day old (left by a crash, or by a job already swept). */
export async function removeOldUploads(): Promise<void> {
  const names = await readdir(UPLOAD_DIR).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(UPLOAD_DIR, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && Date.now() - info.mtimeMs > KEEP_HOURS * 3_600_000) await rm(path, { force: true });
  }
}
