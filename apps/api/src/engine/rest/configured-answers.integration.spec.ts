import { Client } from 'pg';
import { designedProgram } from '../../testing/program.fixtures';
import { type Json, listQuery, startTestApp, type TestApp } from '../../testing/test-app';

type Rec = Record<string, Json>;

/**
 * Answers to configured fields of every configured type, written through the generic
 * writer (roster entries answer their roster's fields): each checked by its field type,
 * computed values computed, refused answers named per field; then exported and imported.
 */
const CONFIGURED = [
  { key: 'village', label: '所在村', type: 'text', required: true },
  { key: 'story', label: '家庭情况', type: 'longText' },
  { key: 'income', label: '人均月收入', type: 'number', min: 0, decimals: 2 },
  { key: 'boarder', label: '寄宿', type: 'boolean' },
  { key: 'visited', label: '已家访', type: 'yesNoNa', choices: [{ value: 'yes', score: 2 }, { value: 'no', score: 0 }, { value: 'na', score: 2 }] },
  { key: 'since', label: '建档日期', type: 'date' },
  { key: 'level', label: '困难程度', type: 'select', choices: [{ value: '一般', score: 1 }, { value: '困难', score: 2 }, { value: '特别困难', score: 3 }] },
  { key: 'proofs', label: '佐证材料', type: 'multiSelect', options: '低保证,残疾证,病历' },
  { key: 'photo', label: '家访照片', type: 'file' },
  { key: 'score', label: '评分', type: 'computed', expression: { '+': [{ var: 'scores.visited' }, { var: 'scores.level' }] } },
];

const GOOD = { village: '石和村', story: '父亲重病。'.repeat(100), income: 350.5, boarder: true, visited: 'na', since: '2025-03-01', level: '特别困难', proofs: ['低保证', '病历'] };

describe('configured answers through the generic writer', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let roster: Rec;
  let students: Rec[];
  const call = (method: string, path: string, body?: Rec, user = 'school1') => api.request(method, path, { token: token[user], body });

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'school1']) token[user] = await api.login(user);
    students = (await call('GET', `/api/students${listQuery({ filter: { status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, 2] })}`)).body;
    const program = (await call('POST', '/api/programs', designedProgram({ stages: [students[0].stage], autoEnrol: false }), 'admin')).body;
    roster = (await call('POST', '/api/rosters', { programId: program.id, year: 2026, term: 'autumn', schoolId: students[0].schoolId })).body;
    // The program designer offers five types; a checklist's definitions (next) use them all.
    const db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    await db.query('UPDATE rosters SET application_fields = $1 WHERE id = $2', [JSON.stringify(CONFIGURED), roster.id]);
    await db.end();
  });
  afterAll(() => api.close());

  it('accepts good answers of every type, cleaned, with the computed value computed', async () => {
    const created = await call('POST', '/api/roster-entries', { rosterId: roster.id, studentId: students[0].id, tier: 'T1', applicationData: { ...GOOD, village: ' 石和村 ', score: 99 } });
    expect(created.status).toBe(201);
    expect(created.body.applicationData).toEqual({ ...GOOD, score: 5 });
  });

  it.each<[string, unknown]>([
    ['village', 42],
    ['story', `${'x'.repeat(10)}… (2,001 characters)`],
    ['income', -1],
    ['income', 1.255],
    ['income', '350'],
    ['boarder', '是'],
    ['visited', 'maybe'],
    ['since', '2025-02-30'],
    ['level', '富裕'],
    ['proofs', ['户口本']],
    ['proofs', '低保证'],
    ['photo', 'photo.jpg'],
    ['unknown', 1],
  ])('refuses %s = %p with a 422 on that answer', async (key, shown) => {
    const value = key === 'story' ? 'x'.repeat(2001) : shown;
    const refused = await call('POST', '/api/roster-entries', { rosterId: roster.id, studentId: students[1].id, tier: 'T1', applicationData: { ...GOOD, [key]: value } });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.errors)).toEqual([`applicationData.${key}`]);
    expect(typeof refused.body.errors[`applicationData.${key}`]).toBe('string');
  });

  it('names a missing required answer, and every bad answer of a request at once', async () => {
    const refused = await call('POST', '/api/roster-entries', { rosterId: roster.id, studentId: students[1].id, tier: 'T1', applicationData: { income: 'many', since: 'soon' } });
    expect(refused.body.errors).toEqual({
      'applicationData.village': '请填写所在村',
      'applicationData.income': '人均月收入应为数字',
      'applicationData.since': '建档日期应为有效日期（如 2012-09-01）',
    });
  });

  it('checks changed answers on update too', async () => {
    const [entry] = (await call('GET', `/api/roster-entries${listQuery({ filter: { rosterId: roster.id } })}`)).body as Rec[];
    const refused = await call('PUT', `/api/roster-entries/${entry.id}`, { version: entry.version, applicationData: { ...GOOD, level: '富裕' } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors['applicationData.level']).toContain('一般、困难、特别困难');
    const changed = await call('PUT', `/api/roster-entries/${entry.id}`, { version: entry.version, applicationData: { ...GOOD, visited: 'no' } });
    expect(changed.status).toBe(200);
    expect(changed.body.applicationData).toMatchObject({ visited: 'no', score: 3 });
  });

  it('exports the answers as one readable cell, each as its field type writes it', async () => {
    const response = await fetch(`${api.baseUrl}/api/roster-entries/export?format=csv&filter=${encodeURIComponent(JSON.stringify({ rosterId: roster.id }))}`, {
      headers: { authorization: `Bearer ${token.school1}`, 'accept-language': 'zh-CN' },
    });
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain(`所在村：石和村；家庭情况：${GOOD.story}；人均月收入：350.5；寄宿：是；已家访：否；建档日期：2025-03-01；困难程度：特别困难；佐证材料：低保证、病历；评分：3`);
  });

  it('imports answers from an application file, each column converted by its field type', async () => {
    const plain = async (student: Rec) => (await call('GET', `/api/students/${student.id}`, undefined, 'admin')).body.idNumber as string;
    const header = ['身份证号', '姓名', '档次', '所在村', '人均月收入', '寄宿', '已家访', '建档日期', '困难程度', '佐证材料'];
    const row = [await plain(students[1]), students[1].name, '一档', '六靖村', '420', '否', '是', '2024/9/1', '困难', '残疾证、病历'];
    const bad = [await plain(students[2]), students[2].name, '一档', '', '很多', '也许', '不知道', '2024/2/30', '富裕', '户口本'];
    const form = new FormData();
    form.set('file', new Blob([[header, row, bad].map((cells) => cells.join(',')).join('\n')]), '申请.csv');
    form.set('allOrNothing', 'false');
    const uploaded = await fetch(`${api.baseUrl}/api/rosters/${roster.id}/applications`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token.school1}` } });
    const result = (await uploaded.json()) as Rec;
    expect(result).toMatchObject({ total: 2, inserted: 1, invalid: 1 });
    expect(result.errors.map((e: Rec) => e.column)).toEqual(['所在村', '人均月收入', '寄宿', '已家访', '建档日期', '困难程度', '佐证材料']);
    const entries = (await call('GET', `/api/roster-entries${listQuery({ filter: { rosterId: roster.id, studentId: students[1].id } })}`)).body as Rec[];
    expect(entries[0].applicationData).toEqual({ village: '六靖村', income: 420, boarder: false, visited: 'yes', since: '2024-09-01', level: '困难', proofs: ['残疾证', '病历'], score: 4 });
  });
});
