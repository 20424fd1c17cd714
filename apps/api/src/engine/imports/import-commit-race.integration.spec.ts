import { startTestApp, type TestApp } from '../../testing/test-app';
import { firstSchoolCode, idNumbers, settled, startImport, STUDENT_HEADER, xlsxOf } from '../../testing/import-files';

const newId = idNumbers(80);

describe('Import commits racing each other', () => {
  let api: TestApp;
  let school1: string;
  let code: string;

  beforeAll(async () => {
    api = await startTestApp();
    school1 = await api.login('school1');
    code = await firstSchoolCode(api, school1);
  }, 60_000);
  afterAll(() => api.close(), 30_000);

  it('three commits at once: one is accepted, the others get 409, the rows are written once and the job ends committed', async () => {
    const file = await xlsxOf([STUDENT_HEADER, ...Array.from({ length: 5 }, (_, i) => [newId(), `并发${i}`, code, '普高', '高一', '在读'])]);
    const job = await settled(api, school1, await startImport(api, school1, file, 'race.xlsx'));
    expect(job.status).toBe('validated');
    const answers = await Promise.all(
      [0, 1, 2].map(() => api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: { allOrNothing: false } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409]);
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ statusCode: 409, code: 'IN_USE', message: expect.stringContaining('正在提交或已经提交') });
    const done = await settled(api, school1, job.id);
    expect({ status: done.status, message: done.message }).toEqual({ status: 'committed', message: null });
    expect(done.counts).toMatchObject({ inserted: 5, updated: 0 });
    const again = await api.request('POST', `/api/imports/${job.id}/commit`, { token: school1, body: {} });
    expect(again.status).toBe(409);
    expect((await settled(api, school1, job.id)).status).toBe('committed');
  });
});
