import { listQuery, startTestApp, type TestApp } from '../../testing/test-app';

describe('personal data masking and audited reveals', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};
  let plain: { id: number; idNumber: string; phone: string; bankAccount: string };

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'school1', 'inspector', 'finance']) tokens[user] = await api.login(user);
    const [mine] = (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: tokens.school1 })).body;
    plain = (await api.request('GET', `/api/students/${mine.id}`, { token: tokens.admin })).body;
  });
  afterAll(() => api.close());

  const one = (token: string) => api.request('GET', `/api/students/${plain.id}`, { token });

  it('admin sees plain values', () => {
    expect(plain.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(plain.bankAccount).toMatch(/^\d+$/);
  });

  it.each([
    ['school1', { idNumber: 'masked', phone: 'plain', bankAccount: 'masked' }],
    ['yuzhou', { idNumber: 'masked', phone: 'masked', bankAccount: 'masked' }],
    ['finance', { idNumber: 'masked', phone: 'masked', bankAccount: 'masked' }],
    ['inspector', { idNumber: 'masked', phone: 'masked', bankAccount: 'masked' }],
  ] as const)('%s receives the fields masked as their role requires', async (user, expected) => {
    const { body } = await one(tokens[user]);
    expect(body.idNumber).toBe(`${plain.idNumber.slice(0, 4)}**********${plain.idNumber.slice(-4)}`);
    for (const [field, how] of Object.entries(expected)) {
      const value = body[field];
      const stored = plain[field as keyof typeof plain] as string;
      if (how === 'plain') expect(value).toBe(stored);
      else expect(value).not.toBe(stored);
    }
  });

  it('masks lists the same way as single records', async () => {
    const res = await api.request('GET', `/api/students${listQuery({ filter: { id: [plain.id] } })}`, { token: tokens.school1 });
    expect(res.body[0].idNumber).toContain('**********');
  });

  it('a permitted role reveals one field, and the reveal is audited', async () => {
    const res = await api.request('POST', `/api/students/${plain.id}/reveal`, { token: tokens.school1, body: { field: 'idNumber' } });
    expect(res.status).toBe(200);
    expect(res.body.value).toBe(plain.idNumber);
    const audit = await api.request(
      'GET',
      `/api/audit-log${listQuery({ filter: { resource: 'students', recordId: String(plain.id), action: 'reveal' } })}`,
      { token: tokens.admin },
    );
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0].after).toEqual({ field: 'idNumber' });
  });

  it('finance may reveal an aid card number but not an ID number', async () => {
    const card = await api.request('POST', `/api/students/${plain.id}/reveal`, { token: tokens.finance, body: { field: 'bankAccount' } });
    expect(card.body.value).toBe(plain.bankAccount);
    const id = await api.request('POST', `/api/students/${plain.id}/reveal`, { token: tokens.finance, body: { field: 'idNumber' } });
    expect(id.status).toBe(403);
  });

  it('an inspector may not reveal anything', async () => {
    const res = await api.request('POST', `/api/students/${plain.id}/reveal`, { token: tokens.inspector, body: { field: 'phone' } });
    expect(res.status).toBe(403);
  });

  it('sending a masked value back unchanged keeps the stored value', async () => {
    const { body } = await one(tokens.school1);
    const res = await api.request('PUT', `/api/students/${plain.id}`, { token: tokens.school1, body: { ...body, className: '9班' } });
    expect(res.status).toBe(200);
    const after = await one(tokens.admin);
    expect(after.body.idNumber).toBe(plain.idNumber);
    expect(after.body.bankAccount).toBe(plain.bankAccount);
    expect(after.body.className).toBe('9班');
  });

  it('the schema tells the panel which fields arrive masked and which may be revealed', async () => {
    const { body } = await api.request('GET', '/api/schema', { token: tokens.school1 });
    const students = body.resources.find((r: { name: string }) => r.name === 'students');
    const field = (key: string) => students.fields.find((f: { key: string }) => f.key === key);
    expect(field('idNumber').sensitive).toEqual({ mask: 'idNumber', masked: true, canReveal: true });
    expect(field('phone').sensitive).toEqual({ mask: 'phone', masked: false, canReveal: false });
    expect(students.can).toEqual({ list: true, create: true, update: true, delete: false });
    const names = body.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['regions', 'schools', 'students', 'imports', 'identity-types', 'comparisons', 'comparison-results', 'omissions', 'programs', 'rosters', 'roster-entries']),
    );
    // What a school may not list is not in its schema at all.
    for (const hidden of ['users', 'audit-log', 'identities']) expect(names).not.toContain(hidden);
  });
});
