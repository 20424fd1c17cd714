import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';
import { designedProgram } from '../../testing/program.fixtures';

type Rec = Record<string, Json>;

describe('program designer (API)', () => {
  let api: TestApp;
  let admin: string;
  const create = (body: Rec, token = admin) => api.request('POST', '/api/programs', { token, body });

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  it('stores a program designed without code, with the default approval chain', async () => {
    const created = await create(designedProgram());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'GZ-GRANT',
      tiers: [{ code: 'T1', label: '一档', amount: 125000 }, { code: 'T2', label: '二档', amount: 100000 }],
      autoEnrol: true,
      active: true,
      approvalSteps: [
        { label: '学校申报', role: 'school', level: 'school' },
        { label: '审查认定', role: 'school', level: 'school' },
        { label: '区县教育局审核', role: 'county', level: 'county' },
        { label: '财政局确认', role: 'finance', level: 'city' },
      ],
    });
    const listed = await api.request('GET', `/api/programs${listQuery({ filter: { code: 'GZ-GRANT' } })}`, { token: await api.login('school1') });
    expect(listed.body).toHaveLength(1);
  });

  it.each([
    ['shares not totalling 100 %', { fundingShares: [{ source: 'central', percent: 60 }, { source: 'city', percent: 30 }] }, 'fundingShares', '90%'],
    ['a tier without an amount', { tiers: [{ code: 'T1', label: '一档', amount: 0 }] }, 'tiers.0.amount', '不能小于'],
    ['two tiers with one code', { tiers: [{ code: 'T1', label: '一档', amount: 100 }, { code: 'T1', label: '二档', amount: 50 }] }, 'tiers.1.code', '重复'],
    ['a rule over an unknown field', { eligibilityRule: { combinator: 'and', rules: [{ field: 'income', operator: '=', value: '1' }] } }, 'eligibilityRule', '未知字段'],
    ['a rule value not in the options', { eligibilityRule: { combinator: 'and', rules: [{ field: 'stage', operator: 'in', value: ['senior', 'college'] }] } }, 'eligibilityRule', 'college'],
    ['a choice field without choices', { applicationFields: [{ key: 'kind', label: '类型', type: 'select' }] }, 'applicationFields.0.options', '两个选项'],
    ['a field key that is not a code', { applicationFields: [{ key: '家庭人口', label: '家庭人口', type: 'number' }] }, 'applicationFields.0.key', '小写字母'],
    ['a chain not starting at the school', { approvalSteps: [{ label: '县审核', role: 'county', level: 'county' }] }, 'approvalSteps.0.role', '学校'],
    ['a deadline for a term the program lacks', { termKind: 'yearly', deadlines: [{ term: 'spring', monthDay: '06-15' }] }, 'deadlines.0.term', '学期'],
    ['an impossible deadline', { deadlines: [{ term: 'spring', monthDay: '13-01' }] }, 'deadlines.0.monthDay', '月-日'],
  ])('refuses %s with a message on that input', async (_case, overrides, key, text) => {
    const response = await create(designedProgram({ code: 'BAD', ...overrides }));
    expect(response.status).toBe(422);
    expect(response.body.errors[key]).toContain(text);
  });

  it('lets only administrators design programs', async () => {
    const response = await create(designedProgram({ code: 'COUNTY-OWN' }), await api.login('yuzhou'));
    expect(response.status).toBe(403);
  });
});
