import ExcelJS from 'exceljs';
import { listQuery, startTestApp, type TestApp, totalOf } from '../../testing/test-app';

describe('export jobs', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian']) tokens[user] = await api.login(user);
  });
  afterAll(() => api.close());

  const startJob = (resource: string, token: string, params: Record<string, unknown>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    return api.request('POST', `/api/${resource}/export-jobs?${search.toString()}`, { token });
  };

  const finished = async (id: number, token: string) => {
    for (let i = 0; i < 300; i++) {
      const res = await api.request('GET', `/api/export-jobs/${id}`, { token });
      expect(res.status).toBe(200);
      if (res.body.status !== 'running') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`export job ${id} did not finish`);
  };

  const download = async (id: number, token: string) => {
    const response = await fetch(`${api.baseUrl}/api/export-jobs/${id}/file`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, buffer: Buffer.from(await response.arrayBuffer()) };
  };

  it('writes the filtered list to a file with progress, and serves it to the user who started it', async () => {
    const filter = { stage: 'primary' };
    const started = await startJob('students', tokens.admin, { format: 'xlsx', filter, sort: ['name', 'ASC'] });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ id: expect.any(Number) });

    const job = await finished(started.body.id, tokens.admin);
    const total = totalOf(await api.request('GET', `/api/students${listQuery({ filter, range: [0, 0] })}`, { token: tokens.admin }));
    expect(total).toBeGreaterThan(0);
    expect(job).toMatchObject({
      id: started.body.id,
      resource: 'students',
      format: 'xlsx',
      status: 'done',
      progress: { rows: total, total, percent: 100 },
      fileName: expect.stringMatching(/^学生-\d{4}-\d{2}-\d{2}\.xlsx$/),
      message: null,
    });
    expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.createdAt));

    const file = await download(started.body.id, tokens.admin);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="students-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    let rows = 0;
    sheet.eachRow((_, n) => {
      if (n > 1) rows++;
    });
    expect(rows).toBe(total);

    // The same audit row as the streamed export.
    const audit = await api.request('GET', `/api/audit-log${listQuery({ filter: { action: 'export', resource: 'students' }, sort: ['id', 'DESC'] })}`, {
      token: tokens.admin,
    });
    expect(audit.body[0].after).toEqual({ format: 'xlsx', filter, sort: ['name', 'ASC'], rows: total, complete: true });

    // The history is an ordinary read-only list.
    const history = await api.request('GET', `/api/export-jobs${listQuery({ filter: { resource: 'students' } })}`, { token: tokens.admin });
    expect(history.status).toBe(200);
    expect(history.body[0]).toMatchObject({ id: started.body.id, status: 'done', format: 'xlsx' });
  });

  it('writes CSV too, with the options sent in a JSON body', async () => {
    const res = await api.request('POST', '/api/schools/export-jobs', { token: tokens.yuzhou, body: { format: 'csv', filter: {} } });
    expect(res.status).toBe(202);
    const job = await finished(res.body.id, tokens.yuzhou);
    expect(job).toMatchObject({ status: 'done', format: 'csv' });
    const file = await download(res.body.id, tokens.yuzhou);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = file.buffer.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines.length - 1).toBe(job.progress.total);
  });

  it('is 404 for another county, visible to a user whose region covers it', async () => {
    const started = await startJob('students', tokens.yuzhou, { format: 'xlsx' });
    expect(started.status).toBe(202);
    await finished(started.body.id, tokens.yuzhou);
    expect((await api.request('GET', `/api/export-jobs/${started.body.id}`, { token: tokens.rongxian })).status).toBe(404);
    expect((await download(started.body.id, tokens.rongxian)).status).toBe(404);
    expect((await api.request('GET', `/api/export-jobs/${started.body.id}`, { token: tokens.admin })).body.status).toBe('done');

    const adminJob = await startJob('students', tokens.admin, { filter: { stage: 'primary' } });
    expect((await api.request('GET', `/api/export-jobs/${adminJob.body.id}`, { token: tokens.rongxian })).status).toBe(404);
    await finished(adminJob.body.id, tokens.admin);
  });

  it('rejects a bad filter or format before starting anything', async () => {
    const before = totalOf(await api.request('GET', `/api/export-jobs${listQuery({ range: [0, 0] })}`, { token: tokens.admin }));
    const unknownField = await startJob('students', tokens.admin, { filter: { noSuchField: 1 } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.code).toBe('BAD_QUERY');
    expect((await startJob('students', tokens.admin, { filter: '{not json' })).status).toBe(400);
    expect((await startJob('students', tokens.admin, { format: 'pdf' })).status).toBe(400);
    const after = totalOf(await api.request('GET', `/api/export-jobs${listQuery({ range: [0, 0] })}`, { token: tokens.admin }));
    expect(after).toBe(before);
  });

  it('does not let export-jobs routes collide with imports', async () => {
    const started = await startJob('imports', tokens.admin, { format: 'csv' });
    expect(started.status).toBe(202);
    expect((await finished(started.body.id, tokens.admin)).status).toBe('done');
    expect((await api.request('GET', '/api/export-jobs/999999', { token: tokens.admin })).status).toBe(404);
  });
});
