import { studentResource } from '@zizhu/students';
import { Client } from 'pg';
import { idNumberBorn, importStudents } from '../../testing/imports.fixtures';
import { listQuery, startTestApp, type TestApp } from '../../testing/test-app';
import { fieldChangesSql } from './field-changes.sql';

/** A field's past replayed from audit rows and imports alike (a student's status on a payment day). */
describe('fieldChangesSql', () => {
  let api: TestApp;
  let db: Client;
  let school1: string;
  let admin: string;
  let schoolCode: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    school1 = await api.login('school1');
    admin = await api.login('admin');
    [{ code: schoolCode }] = (await api.request('GET', `/api/schools${listQuery({})}`, { token: school1 })).body;
  }, 60_000);
  afterAll(async () => {
    await db.end();
    await api.close();
  }, 30_000);

  const changesOf = async (id: string) =>
    (
      await db.query(`SELECT before_value, after_value FROM (${fieldChangesSql(studentResource, 'status', '$1::text')}) c ORDER BY at`, [id])
    ).rows.map((r) => [r.before_value, r.after_value]);

  it('reads the value an import wrote from the next change, or from the record itself', async () => {
    const number = idNumberBorn('20140101', 1);
    const header = ['身份证号', '姓名', '学校标识码', '学段', '年级', '学籍状态'];
    await importStudents(api, school1, [header, [number, '状态变迁', schoolCode, '普高', '高一', '在读']]);
    const [{ id }] = (await db.query(`SELECT id::text FROM students WHERE id_number = $1`, [number])).rows;
    expect(await changesOf(id)).toEqual([[null, 'enrolled']]);

    // An update import of another column leaves the status history alone; one of the status changes it.
    await importStudents(api, school1, [['身份证号', '班级'], [number, '7班']]);
    expect(await changesOf(id)).toEqual([[null, 'enrolled']]);
    await importStudents(api, school1, [['身份证号', '学籍状态'], [number, '休学']]);
    expect(await changesOf(id)).toEqual([
      [null, 'enrolled'],
      ['enrolled', 'suspended'],
    ]);

    // An edit through the API afterwards: the second import's value is now that edit's before.
    const current = (await api.request('GET', `/api/students/${id}`, { token: admin })).body;
    expect((await api.request('PUT', `/api/students/${id}`, { token: admin, body: { ...current, status: 'dropped' } })).status).toBe(200);
    expect(await changesOf(id)).toEqual([
      [null, 'enrolled'],
      ['enrolled', 'suspended'],
      ['suspended', 'dropped'],
    ]);
  });
});
