import { DataSource } from 'typeorm';
import { idNumberBorn, importStudents } from '../../../testing/imports.fixtures';
import { listQuery, startTestApp, type TestApp } from '../../../testing/test-app';
import { dutyRuleMet, findDutyRule } from './duty-rule-catalogue';

/**
 * recordsUpdated counts imports: an import is one audit entry plus its links to the records it
 * wrote, so a school's students written by an import in the period meet the rule (in 2018, a
 * year the demo data and duty-rules.integration.spec leave empty).
 */
describe('recordsUpdated and imports', () => {
  let api: TestApp;
  let db: DataSource;
  const june = { periodStart: '2018-06-01', dueDate: '2018-06-20', asOf: '2018-06-20' };
  const met = (schoolId: number) => dutyRuleMet(db.manager, findDutyRule('recordsUpdated')!, { schoolId, ...june });

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
  }, 120_000);
  afterAll(() => api.close());

  it('meets for the school whose students an import wrote in the period, and not for another', async () => {
    const county = await api.login('yuzhou');
    const [school] = (await api.request('GET', `/api/schools${listQuery({ filter: { id: 1 } })}`, { token: county })).body;
    expect(await met(1)).toBe(false);
    const job = await importStudents(api, county, [
      ['身份证号', '姓名', '学校标识码', '学段', '年级', '学籍状态'],
      [idNumberBorn('20150101', 1), '导入更新', school.code, '普高', '高一', '在读'],
    ]);
    expect(job.counts.inserted).toBe(1);
    await db.query(`UPDATE audit_log SET at = '2018-06-10T10:00:00+08:00' WHERE import_id = $1 AND action = 'import'`, [job.id]);
    expect(await met(1)).toBe(true);
    const [other] = await db.query(`SELECT id FROM schools WHERE id <> 1 AND scope_path LIKE '450900.450902.%' ORDER BY id LIMIT 1`);
    expect(await met(other.id)).toBe(false);
    await db.query(`UPDATE audit_log SET at = '2018-06-21T10:00:00+08:00' WHERE import_id = $1 AND action = 'import'`, [job.id]);
    expect(await met(1)).toBe(false);
  });
});
