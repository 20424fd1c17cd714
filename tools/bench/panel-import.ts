import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImportJob } from '@zizhu/schema';
import { getJson } from './bench-http';

/** How often the panel's import page re-reads a running job (use-import-job.ts). */
const POLL_MS = 700;

/**
 * An import as the panel runs one over HTTP: the file uploaded to `POST /api/imports`
 * (multipart, mode upsert), the job polled until validated, `POST /api/imports/<id>/commit`
 * (valid rows only), polled until committed. Throws if it ends any other way.
 */
export async function importAsPanel(base: string, token: string, resource: string, path: string) {
  const started = Date.now();
  const body = new FormData();
  body.append('resource', resource);
  body.append('mode', 'upsert');
  body.append('file', await openAsBlob(path), basename(path));
  const auth = { authorization: `Bearer ${token}` };
  const upload = await fetch(`${base}/api/imports`, { method: 'POST', headers: auth, body });
  if (!upload.ok) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const { id } = (await upload.json()) as { id: number };
  const uploadedAt = Date.now();

  const validated = await settled(base, token, id, ['validating']);
  if (validated.status !== 'validated') throw new Error(`import ${id} ${validated.status}: ${validated.message}`);
  const validatedAt = Date.now();
  const commit = await fetch(`${base}/api/imports/${id}/commit`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ allOrNothing: false }),
  });
  if (!commit.ok) throw new Error(`commit: ${commit.status} ${await commit.text()}`);
  const committed = await settled(base, token, id, ['validated', 'committing']);
  if (committed.status !== 'committed') throw new Error(`import ${id} ${committed.status}: ${committed.message}`);
  const seconds = (from: number, to: number) => (to - from) / 1000;
  return {
    seconds: { upload: seconds(started, uploadedAt), validate: seconds(uploadedAt, validatedAt), commit: seconds(validatedAt, Date.now()), total: seconds(started, Date.now()) },
    counts: committed.counts,
  };
}

/** The job once its status is none of `running`. */
async function settled(base: string, token: string, id: number, running: ImportJob['status'][]): Promise<ImportJob> {
  for (;;) {
    const job = await getJson<ImportJob>(`${base}/api/imports/${id}`, token);
    if (!running.includes(job.status)) return job;
    await sleep(POLL_MS);
  }
}
