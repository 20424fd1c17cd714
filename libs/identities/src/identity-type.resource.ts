import { defineResource } from '@zizhu/schema';
import { AID_TIERS, SOURCE_DEPARTMENTS } from './identity.enums';

/**
 * 特殊群体身份类型: 建档立卡贫困户, 低保, 特困, 孤儿, 残疾, 建档困难职工 … Types are data, not
 * code: later lists add new ones (脱贫不稳定户, 边缘易致贫户) without a release.
 */
export const identityTypeResource = defineResource({
  name: 'identity-types',
  table: 'identity_types',
  label: { zh: '身份类型', en: 'Identity types' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'badge',
  menu: { group: 'comparison', order: 1 },
  audited: true,
  versioned: true,
  // Defined by a bureau (its region); every unit reads the whole list.
  scope: { kind: 'reference', via: ['regionId'], publicRead: true },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin'],
    update: ['admin'],
    delete: ['admin'],
  },
  businessKey: ['name'],
  defaultSort: { field: 'priority', order: 'ASC' },
  indexes: [{ name: 'ux_identity_types_name', columns: ['name'], unique: true }],
  fields: {
    name: {
      type: 'string',
      label: { zh: '身份类型', en: 'Name' },
      required: true,
      maxLength: 50,
      list: true,
      sort: true,
      search: 'prefix',
      aliases: ['身份类型', '身份名称', '类型名称'],
    },
    department: {
      type: 'enum',
      label: { zh: '认定部门', en: 'Source department' },
      required: true,
      options: SOURCE_DEPARTMENTS,
      list: true,
      filter: 'exact',
      aliases: ['认定部门', '来源部门'],
    },
    aidTier: {
      type: 'enum',
      label: { zh: '默认资助档次', en: 'Default aid tier' },
      help: { zh: '具有此身份的学生默认享受的档次', en: 'The tier a student with this identity gets by default' },
      options: AID_TIERS,
      list: true,
      filter: 'exact',
      aliases: ['资助档次', '默认档次'],
    },
    priority: {
      type: 'integer',
      label: { zh: '优先级', en: 'Priority' },
      help: { zh: '数字越小优先级越高；学生有多个身份时按此排序', en: 'Lower number = higher priority when a student has several identities' },
      required: true,
      min: 1,
      max: 999,
      defaultValue: 100,
      list: true,
      sort: true,
      aliases: ['优先级'],
    },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '设定单位区划', en: 'Defined by (region)' },
      required: true,
      immutable: true,
      filter: 'exact',
    },
  },
});
