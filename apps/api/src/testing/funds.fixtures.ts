import ExcelJS from 'exceljs';
import { listQuery, type Json, type TestApp } from './test-app';
import { designedProgram } from './program.fixtures';

type Rec = Record<string, Json>;

/** A program as the designer posts it: no extra fields, so entries need no answers. */
export function fundProgram(overrides: Rec = {}): Rec {
  return designedProgram({ code: 'FUND-TEST', firstYear: 2017, autoEnrol: false, applicationFields: [], deadlines: [], ...overrides });
}

export async function ok(response: Promise<{ status: number; body: Json }>, status = [200, 201]): Promise<Json> {
  const r = await response;
  if (!status.includes(r.status)) throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Enrolled students of a school, oldest ids first. */
export async function studentsOf(api: TestApp, token: string, schoolId: number, count: number): Promise<Rec[]> {
  const r = await api.request('GET', `/api/students${listQuery({ filter: { schoolId, status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, count - 1] })}`, { token });
  return r.body as Rec[];
}

/**
 * A roster with these entries taken through the program's whole chain. `actors` are the
 * tokens of each step in order (the school's user for the school steps, then county, finance).
 */
export async function approvedRoster(
  api: TestApp,
  actors: string[],
  roster: { programId: number; year: number; term: string; schoolId: number },
  entries: { studentId: number; tier: string }[],
  parallel = 1,
): Promise<Rec> {
  const created = await ok(api.request('POST', '/api/rosters', { token: actors[0], body: roster }));
  for (let i = 0; i < entries.length; i += parallel) {
    await Promise.all(
      entries.slice(i, i + parallel).map((e) => ok(api.request('POST', '/api/roster-entries', { token: actors[0], body: { rosterId: created.id, ...e } }))),
    );
  }
  for (const token of actors) await ok(api.request('POST', `/api/rosters/${created.id}/actions`, { token, body: { action: 'approve' } }));
  return created;
}

/** A bank result workbook: a title row, then the header, then one row per line. */
export async function bankFile(rows: (string | number | null)[][], header = ['流水号', '姓名', '金额', '发放结果', '失败原因', '入账日期']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('回盘');
  sheet.addRow(['XX银行代发工资回盘文件']);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function uploadBankResult(api: TestApp, token: string, batchId: number, file: Buffer, name = '回盘.xlsx'): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const response = await fetch(`${api.baseUrl}/api/disbursement-batches/${batchId}/bank-result`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

/** Every line of a batch (admin sees accounts in plain). */
export async function linesOf(api: TestApp, token: string, batchId: number): Promise<Rec[]> {
  const r = await api.request('GET', `/api/disbursements${listQuery({ filter: { batchId }, sort: ['id', 'ASC'], range: [0, 999] })}`, { token });
  return r.body as Rec[];
}

export function reconciliation(api: TestApp, token: string, groupBy: string[], filter: Rec = {}) {
  return api.request('GET', `/api/funds/reconciliation?groupBy=${groupBy.join(',')}&filter=${encodeURIComponent(JSON.stringify(filter))}`, { token });
}

/** Applications onto a roster from a workbook (the roster's own import), all or nothing. */
export async function importApplications(api: TestApp, token: string, rosterId: number, rows: { idNumber: string; name: string; tier: string }[]): Promise<Json> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申请');
  sheet.addRow(['身份证号', '姓名', '档次']);
  for (const r of rows) sheet.addRow([r.idNumber, r.name, r.tier]);
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), '申请名单.xlsx');
  form.set('allOrNothing', 'true');
  const response = await fetch(`${api.baseUrl}/api/rosters/${rosterId}/applications`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  if (response.status !== 200 || body.invalid) throw new Error(`applications ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

/** Runs tasks with at most `limit` at a time (the API is shared with other specs on 2 cores). */
export async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += limit) await Promise.all(items.slice(i, i + limit).map(work));
}
