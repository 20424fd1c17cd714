import { idNumberCheckChar } from '@zizhu/schema';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';

type Rec = Record<string, Json>;

const SLOW = 60_000;
const NO_JUNIOR = '该校没有初中学段（该校学段：普高）';

let serial = 0;
/** A fresh valid ID number: county 450902, born in 2009. */
function newId(): string {
  serial += 1;
  const first17 = `4509022009${String(301 + serial).padStart(4, '0')}${String(100 + serial).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

describe("a student's stage is one the school teaches", () => {
  let api: TestApp;
  let admin: string;
  let seniorOnly: Rec;
  let withJunior: Rec;

  const call = (method: string, path: string, body?: unknown) => api.request(method, path, { token: admin, body });
  const student = (school: Rec, stage: string) => ({ idNumber: newId(), name: '黄小明', schoolId: school.id, stage, status: 'enrolled' });

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.login('admin');
    const schools = (await call('GET', `/api/schools${listQuery({ range: [0, 99] })}`)).body as Rec[];
    withJunior = schools.find((s) => s.stages.includes('junior'))!;
    const created = await call('POST', '/api/schools', { code: '4509990001', name: '玉林市测试高级中学', regionId: withJunior.regionId, stages: ['senior'], ownership: withJunior.ownership });
    expect(created.status).toBe(201);
    seniorOnly = created.body;
  }, SLOW);
  afterAll(() => api.close());

  it('refuses a new student in a stage the school does not teach, naming its stages', async () => {
    const refused = await call('POST', '/api/students', student(seniorOnly, 'junior'));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual({ stage: NO_JUNIOR });
    const english = await api.request('POST', '/api/students', { token: admin, body: student(seniorOnly, 'junior'), lang: 'en' });
    expect(english.body.errors.stage).toBe('The school does not teach Junior secondary (its stages: General high school)');
    expect((await call('POST', '/api/students', student(seniorOnly, 'senior'))).status).toBe(201);
  });

  it('refuses a change of stage, or a move to a school without the stage', async () => {
    const senior = (await call('POST', '/api/students', student(seniorOnly, 'senior'))).body;
    const restaged = await call('PUT', `/api/students/${senior.id}`, { ...senior, stage: 'junior' });
    expect(restaged.status).toBe(422);
    expect(restaged.body.errors).toEqual({ stage: NO_JUNIOR });

    const junior = (await call('POST', '/api/students', student(withJunior, 'junior'))).body;
    const moved = await call('PUT', `/api/students/${junior.id}`, { ...junior, schoolId: seniorOnly.id });
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toEqual({ stage: NO_JUNIOR });
    const movedWithStage = await call('PUT', `/api/students/${junior.id}`, { ...junior, schoolId: seniorOnly.id, stage: 'senior' });
    expect(movedWithStage.status).toBe(200);
  });

  it("refuses dropping a stage from a school while its students are in it", async () => {
    const school = (await call('GET', `/api/schools/${seniorOnly.id}`)).body;
    const dropped = await call('PUT', `/api/schools/${seniorOnly.id}`, { ...school, stages: ['junior'] });
    expect(dropped.status).toBe(422);
    expect(dropped.body.errors.stages).toMatch(/^该校还有\d+名普高学段的学生/);
    const added = await call('PUT', `/api/schools/${seniorOnly.id}`, { ...school, stages: ['junior', 'senior'] });
    expect(added.status).toBe(200);
  });

  it('marks an import row with the same message on its 学段 column', async () => {
    const csv = ['身份证号,姓名,学校标识码,学段,年级,学籍状态', `${newId()},梁小红,4509990002,初中,初一,在读`, `${newId()},梁小青,${withJunior.code},初中,初一,在读`].join('\r\n');
    const school = (await call('GET', `/api/schools/${seniorOnly.id}`)).body;
    // A second senior-only school, so the row's school really lacks 初中 (the first now teaches it).
    await call('POST', '/api/schools', { code: '4509990002', name: '玉林市测试高级中学二校', regionId: school.regionId, stages: ['senior'], ownership: school.ownership });
    const form = new FormData();
    form.set('resource', 'students');
    form.set('mode', 'upsert');
    form.set('file', new Blob([Buffer.from(csv, 'utf8')]), '学生.csv');
    const upload = await fetch(`${api.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
    expect(upload.status).toBe(201);
    const { id } = await upload.json();
    let job: Rec = {};
    for (let i = 0; i < 200 && job.status !== 'validated'; i++) {
      job = (await call('GET', `/api/imports/${id}`)).body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job.counts).toMatchObject({ valid: 1, invalid: 1 });
    expect(job.errors).toEqual([{ row: 2, column: '学段', message: NO_JUNIOR }]);
  }, SLOW);
});
