import { idNumberCheckChar } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import type { Json, TestApp } from './test-app';

/** A valid ID number of county 450902 born on `birth` (YYYYMMDD), told apart by `serial` (0–899). */
export function idNumberBorn(birth: string, serial: number): string {
  const first17 = `450902${birth}${String(100 + serial).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Uploads the rows as a students workbook, commits the valid ones and returns the settled job. */
export async function importStudents(api: TestApp, token: string, rows: (string | null)[][], fileName = 'students.xlsx'): Promise<Json> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  const form = new FormData();
  form.set('resource', 'students');
  form.set('mode', 'upsert');
  form.set('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), fileName);
  const response = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const { id } = await response.json();
  if (response.status !== 201) throw new Error(`upload failed: ${response.status}`);
  const settle = async () => {
    for (let i = 0; i < 400; i++) {
      const job = (await api.request('GET', `/api/imports/${id}`, { token })).body;
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not settle');
  };
  await settle();
  const commit = await api.request('POST', `/api/imports/${id}/commit`, { token, body: { allOrNothing: false } });
  if (commit.status !== 202) throw new Error(`commit refused: ${commit.status}`);
  return settle();
}
