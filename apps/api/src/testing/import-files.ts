import { idNumberCheckChar } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import { type Json, listQuery, type TestApp } from './test-app';

/** Helpers the import specs share: files built in memory, uploads, and waiting for a job. */

export const STUDENT_HEADER = ['身份证号', '姓名', '学校标识码', '学段', '年级', '学籍状态'];

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** A fresh valid ID number per call (county 450902, born from 2012-03-15 on); `base` keeps spec files apart. */
export function idNumbers(base: number): () => string {
  let serial = 0;
  return () => {
    serial += 1;
    const day = new Date(Date.UTC(2012, 2, 15 + base + Math.floor(serial / 400)));
    const ymd = day.toISOString().slice(0, 10).replace(/-/g, '');
    return withCheck(`450902${ymd}${String(100 + (serial % 400)).padStart(3, '0')}`);
  };
}

export async function xlsxOf(rows: ExcelJS.CellValue[][], touch?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  touch?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function firstSchoolCode(api: TestApp, token: string): Promise<string> {
  return (await api.request('GET', `/api/schools${listQuery({})}`, { token })).body[0].code;
}

/** POST /api/imports as the panel sends it; the raw answer. */
export async function postImport(api: TestApp, token: string, file: Buffer | Blob, name: string, mode = 'upsert'): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  form.set('resource', 'students');
  form.set('mode', mode);
  form.set('file', file instanceof Blob ? file : new Blob([new Uint8Array(file)]), name);
  const response = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: await response.json() };
}

/** Uploads and returns the new job's id (fails the spec on anything but 201). */
export async function startImport(api: TestApp, token: string, file: Buffer | Blob, name: string, mode = 'upsert'): Promise<number> {
  const { status, body } = await postImport(api, token, file, name, mode);
  if (status !== 201) throw new Error(`upload failed: ${status} ${JSON.stringify(body)}`);
  return body.id;
}

/** The job once it is neither validating nor committing. */
export async function settled(api: TestApp, token: string, id: number): Promise<Json> {
  for (let i = 0; i < 1200; i++) {
    const job = (await api.request('GET', `/api/imports/${id}`, { token })).body;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not settle');
}
