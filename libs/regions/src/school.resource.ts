import { defineResource, STAGES } from '@zizhu/schema';

export const SCHOOL_OWNERSHIP = [
  { value: 'public', label: { zh: '公办', en: 'Public' } },
  { value: 'private', label: { zh: '有证民办', en: 'Licensed private' } },
] as const;

/** 学校 (incl. kindergartens), identified by the 10-digit 学校标识码. */
export const schoolResource = defineResource({
  name: 'schools',
  table: 'schools',
  label: { zh: '学校', en: 'Schools' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'school',
  menu: { group: 'students', order: 2 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['regionId'], segment: 'code' },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin'],
  },
  businessKey: ['code'],
  defaultSort: { field: 'code', order: 'ASC' },
  indexes: [{ name: 'ux_schools_code', columns: ['code'], unique: true }],
  fields: {
    code: {
      type: 'string',
      label: { zh: '学校标识码', en: 'School code' },
      help: { zh: '教育部分配的10位学校标识码', en: 'The 10-digit code assigned by the Ministry of Education' },
      required: true,
      maxLength: 10,
      pattern: { regex: '^\\d{10}$', message: { zh: '学校标识码应为10位数字', en: 'A school code has 10 digits' } },
      list: true,
      sort: true,
      filter: 'exact',
      search: 'exact',
      aliases: ['学校标识码', '学校代码', '标识码'],
    },
    name: {
      type: 'string',
      label: { zh: '学校名称', en: 'Name' },
      required: true,
      maxLength: 100,
      list: true,
      sort: true,
      search: 'prefix',
      aliases: ['学校名称', '学校', '单位名称'],
    },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '所在区划', en: 'Region' },
      required: true,
      list: true,
      filter: 'exact',
      aliases: ['所在区划', '区划代码'],
    },
    stages: {
      type: 'enumList',
      label: { zh: '学段', en: 'Stages' },
      required: true,
      options: STAGES,
      list: true,
      filter: 'exact',
    },
    ownership: {
      type: 'enum',
      label: { zh: '办学性质', en: 'Ownership' },
      required: true,
      options: SCHOOL_OWNERSHIP,
      list: true,
      filter: 'exact',
    },
  },
});
