import { defineResource } from '@zizhu/schema';

export const REGION_LEVELS = [
  { value: 'city', label: { zh: '市', en: 'City' } },
  { value: 'county', label: { zh: '县（市、区）', en: 'County' } },
  { value: 'township', label: { zh: '乡（镇、街道）', en: 'Township' } },
] as const;

/** 行政区划: GB/T 2260 codes (6 digits), townships 9 digits below their county. */
export const regionResource = defineResource({
  name: 'regions',
  table: 'regions',
  label: { zh: '行政区划', en: 'Regions' },
  recordLabel: 'name',
  idType: 'code',
  icon: 'map',
  menu: { group: 'students', order: 1 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['parentId'], segment: 'id', publicRead: true },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin'],
    update: ['admin'],
    delete: ['admin'],
  },
  businessKey: ['id'],
  defaultSort: { field: 'id', order: 'ASC' },
  fields: {
    id: {
      type: 'string',
      label: { zh: '区划代码', en: 'Region code' },
      help: { zh: '6位县级以上代码，或9位乡镇代码', en: '6 digits (county and above) or 9 digits (township)' },
      required: true,
      immutable: true,
      pattern: { regex: '^(\\d{6}|\\d{9})$', message: { zh: '区划代码应为6位或9位数字', en: 'A region code has 6 or 9 digits' } },
      list: true,
      sort: true,
      filter: 'prefix',
      search: 'prefix',
      aliases: ['区划代码', '行政区划代码'],
    },
    name: {
      type: 'string',
      label: { zh: '名称', en: 'Name' },
      required: true,
      maxLength: 50,
      list: true,
      sort: true,
      search: 'prefix',
      aliases: ['名称', '区划名称'],
    },
    level: {
      type: 'enum',
      label: { zh: '级别', en: 'Level' },
      required: true,
      options: REGION_LEVELS,
      list: true,
      filter: 'exact',
    },
    parentId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '上级区划', en: 'Parent region' },
      immutable: true,
      list: true,
      filter: 'exact',
    },
  },
  check: (r) => {
    const id = String(r.id ?? '');
    const parent = r.parentId == null ? '' : String(r.parentId);
    if (r.level === 'city' && parent) return { field: 'parentId', message: { zh: '市级区划没有上级', en: 'A city has no parent' } };
    if (r.level !== 'city' && !parent) return { field: 'parentId', message: { zh: '请选择上级区划', en: 'Choose the parent region' } };
    if (r.level === 'township' && id.length !== 9)
      return { field: 'id', message: { zh: '乡镇代码应为9位', en: 'A township code has 9 digits' } };
    if (r.level !== 'township' && id.length !== 6)
      return { field: 'id', message: { zh: '县级以上代码应为6位', en: 'Codes above township level have 6 digits' } };
    return null;
  },
});
