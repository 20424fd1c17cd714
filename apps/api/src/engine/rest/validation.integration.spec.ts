import { idNumberCheckChar } from '@zizhu/schema';
import { listQuery, startTestApp, type TestApp } from '../../testing/test-app';

const valid = (first17: string) => first17 + idNumberCheckChar(first17);

describe('request validation', () => {
  let api: TestApp;
  let token: string;
  let schoolId: number;
  let stage: string; // one the school teaches
  const base = () => ({ name: '黄小明', schoolId, stage, status: 'enrolled' });

  beforeAll(async () => {
    api = await startTestApp();
    token = await api.login('school1');
    [{ id: schoolId, stages: [stage] }] = (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token })).body;
  });
  afterAll(() => api.close());

  const create = (body: object, lang?: 'en') => api.request('POST', '/api/students', { token, body, lang });

  it.each([
    ['a wrong check digit', valid('45090220120315002').slice(0, 17) + (valid('45090220120315002').endsWith('0') ? '1' : '0'), '身份证号校验位错误，请核对是否录入有误'],
    ['an impossible birth date', valid('45090220120230002'), '身份证号中的出生日期不存在'],
    ['17 digits', '45090220120315002', '身份证号应为18位'],
    ['an Excel-mangled number', '4.50902E+17', '身份证号应为18位'],
    ['an unknown province', valid('99090220120315002'), '身份证号前6位不是有效的行政区划代码'],
  ])('rejects an ID number with %s, on the field, in Chinese', async (_case, idNumber, message) => {
    const res = await create({ ...base(), idNumber });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED', errors: { idNumber: message } });
  });

  it('speaks English when asked', async () => {
    const res = await create({ ...base(), idNumber: '123' }, 'en');
    expect(res.body.errors.idNumber).toBe('An ID number has 18 characters');
  });

  it('lists every missing required field at once', async () => {
    const res = await create({});
    expect(Object.keys(res.body.errors).sort()).toEqual(['idNumber', 'name', 'schoolId', 'stage', 'status']);
    expect(res.body.errors.name).toBe('请填写姓名');
  });

  it.each([
    ['stage', 'college', '学段的值不在可选范围内'],
    ['phone', '12345', '联系电话应为11位手机号或带区号的固定电话'],
    ['bankAccount', '62-17', '资助卡号应为12至30位数字'],
    ['name', 'x'.repeat(51), '姓名最多50个字符'],
    ['boarding', 'yes', '寄宿生应为“是”或“否”'],
  ])('rejects a bad %s', async (field, value, message) => {
    const res = await create({ ...base(), idNumber: valid('45090220120315004'), [field]: value });
    expect(res.status).toBe(422);
    expect(res.body.errors[field]).toBe(message);
  });

  it('normalises full-width digits, spaces and a lowercase x silently, and derives birth date and gender', async () => {
    const id = valid('45090220120315011');
    const typed = ` ${id.slice(0, 6).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))} ${id.slice(6).toLowerCase()} `;
    const res = await create({ ...base(), idNumber: typed, phone: '138 1234 5678', gender: 'female', birthDate: '2000-01-01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ phone: '13812345678', gender: 'male', birthDate: '2012-03-15' });
  });

  it('reports a duplicate ID number on the field', async () => {
    const idNumber = valid('45090220120315027');
    expect((await create({ ...base(), idNumber })).status).toBe(201);
    const again = await create({ ...base(), idNumber });
    expect(again.status).toBe(422);
    expect(again.body.errors.idNumber).toBe('身份证号已存在，不能重复');
  });

  it('rejects a reference to a region that does not exist', async () => {
    const res = await create({ ...base(), idNumber: valid('45090220120315035'), householdRegionId: '450999' });
    expect(res.status).toBe(422);
    expect(res.body.errors.householdRegionId).toBe('所选户籍地不存在或不在您的管辖范围内');
  });

  it('applies cross-field rules: a school officer account needs a school', async () => {
    const admin = await api.login('admin');
    const res = await api.request('POST', '/api/users', {
      token: admin,
      body: { username: 'new.officer', displayName: '新专干', role: 'school', regionId: '450902', password: 'longenough1' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.schoolId).toBe('学校资助专干须绑定一所学校');
  });

  it('refuses null for an optional yes/no, whose column holds no null, on the field (not a 500)', async () => {
    const [student] = (await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token })).body;
    const res = await api.request('PUT', `/api/students/${student.id}`, { token, body: { boarding: null, version: student.version } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual(['boarding']);
    const admin = await api.login('admin');
    const [program] = (await api.request('GET', `/api/programs${listQuery({ range: [0, 0] })}`, { token: admin })).body;
    const refused = await api.request('PUT', `/api/programs/${program.id}`, { token: admin, body: { active: null, version: program.version } });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.errors)).toEqual(['active']);
  });
});

