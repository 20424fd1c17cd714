import { userResource } from '@zizhu/access';
import { comparisonResource } from '@zizhu/identities';
import { importResource } from '@zizhu/imports';
import { schoolResource } from '@zizhu/regions';
import { studentResource } from '@zizhu/students';
import { exportColumns, formatDateTime, referenceLabelKey } from './export-columns';

describe('export columns', () => {
  const valuesOf = (columns: ReturnType<typeof exportColumns>, record: Record<string, unknown>) =>
    Object.fromEntries(columns.map((c) => [c.header, c.value(record)]));

  it('lists id and every readable field in declaration order, headed by its label', () => {
    expect(exportColumns(userResource, 'zh').map((c) => c.header)).toEqual(['编号', '用户名', '姓名', '角色', '所属区划', '所属学校', '启用']);
    expect(exportColumns(userResource, 'en').map((c) => c.header)).toEqual(['ID', 'Username', 'Display name', 'Role', 'Region', 'School', 'Active']);
  });

  it('leaves out server state that has a view of its own (a run’s progress and summary), keeps its message as text', () => {
    const columns = exportColumns(comparisonResource, 'zh');
    expect(columns.map((c) => c.header)).not.toContain('进度');
    expect(columns.map((c) => c.header)).not.toContain('比对汇总');
    const message = columns.find((c) => c.header === '说明');
    expect(message?.value({ message: { zh: '比对失败', en: 'Failed' } })).toBe('比对失败');
  });

  it('shows what the panel shows: labels for enums, names for references, 是/否 for booleans', () => {
    const columns = exportColumns(studentResource, 'zh');
    const record = {
      id: 7,
      idNumber: '4509**********1234',
      name: '黄子涵',
      gender: 'female',
      birthDate: '2010-03-15',
      schoolId: 3,
      [referenceLabelKey('schoolId')]: '玉林市第一中学',
      stage: 'junior',
      status: 'enrolled',
      householdRegionId: null,
      boarding: true,
      phone: '13812345678',
    };
    expect(valuesOf(columns, record)).toMatchObject({
      编号: 7,
      身份证号: '4509**********1234',
      性别: '女',
      出生日期: '2010-03-15',
      学校: '玉林市第一中学',
      学段: '初中',
      学籍状态: '在读',
      户籍地: null,
      寄宿生: '是',
      联系电话: '13812345678',
      资助卡号: null,
    });
    expect(columns.find((c) => c.key === 'idNumber')?.kind).toBe('code');
    expect(columns.find((c) => c.key === 'birthDate')?.kind).toBe('date');
  });

  it('joins enum lists with 、 (or a comma in English)', () => {
    const record = { id: 1, stages: ['primary', 'junior'] };
    expect(exportColumns(schoolResource, 'zh').find((c) => c.key === 'stages')?.value(record)).toBe('小学、初中');
    expect(exportColumns(schoolResource, 'en').find((c) => c.key === 'stages')?.value(record)).toBe('Primary, Junior secondary');
  });

  it('hands text to the writers as it is, reference labels included (the writers make it formula-safe)', () => {
    const columns = exportColumns(studentResource, 'zh');
    const values = valuesOf(columns, { id: 1, name: '=1+1', guardianName: '@A1', [referenceLabelKey('schoolId')]: '+学校' });
    expect(values).toMatchObject({ 姓名: '=1+1', 监护人: '@A1', 学校: '+学校' });
  });

  it('follows display hints: a resource name as its label, a {zh, en} message in the reader’s language', () => {
    const record = { id: 3, resource: 'students', message: { zh: '文件无法读取', en: 'The file could not be read' } };
    expect(valuesOf(exportColumns(importResource, 'zh'), record)).toMatchObject({ 数据类型: '学生', 说明: '文件无法读取' });
    expect(valuesOf(exportColumns(importResource, 'en'), record)).toMatchObject({ Resource: 'Students', Message: 'The file could not be read' });
    expect(valuesOf(exportColumns(importResource, 'zh'), { id: 4, resource: 'gone', message: null })).toMatchObject({ 数据类型: 'gone', 说明: null });
  });

  it('never lists write-only fields', () => {
    expect(exportColumns(userResource, 'zh').map((c) => c.key)).not.toContain('password');
  });

  it('formats datetimes in Beijing time', () => {
    expect(formatDateTime(new Date('2026-11-21T17:30:05Z'))).toBe('2026-11-22 01:30:05');
  });
});
