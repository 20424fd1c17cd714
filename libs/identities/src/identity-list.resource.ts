import { defineResource } from '@zizhu/schema';
import { SOURCE_DEPARTMENTS } from './identity.enums';

/**
 * 身份名单: one department's upload (a batch, with its 文号). Its rows are `identities`.
 * A list belongs to the bureau that received it; every unit may read which lists exist
 * (counties run comparisons against the city's lists), while the people on it stay scoped.
 */
export const identityListResource = defineResource({
  name: 'identity-lists',
  table: 'identity_lists',
  label: { zh: '身份名单', en: 'Identity lists' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'list',
  menu: { group: 'comparison', order: 2 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['regionId'], publicRead: true },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  defaultSort: { field: 'batchDate', order: 'DESC' },
  fields: {
    name: {
      type: 'string',
      label: { zh: '名单名称', en: 'Name' },
      help: { zh: '例如：2026年9月民政低保名单', en: 'e.g. "Civil affairs minimum-living list, Sep 2026"' },
      required: true,
      maxLength: 100,
      list: true,
      sort: true,
      search: 'prefix',
    },
    department: {
      type: 'enum',
      label: { zh: '提供部门', en: 'Department' },
      required: true,
      options: SOURCE_DEPARTMENTS,
      list: true,
      filter: 'exact',
    },
    identityTypeId: {
      type: 'reference',
      reference: 'identity-types',
      label: { zh: '身份类型', en: 'Identity type' },
      help: { zh: '名单中未单独注明身份类型的人员按此类型', en: 'Applies to rows that do not name their own type' },
      required: true,
      list: true,
      filter: 'exact',
    },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '接收单位区划', en: 'Region' },
      required: true,
      list: true,
      filter: 'exact',
    },
    batchDate: {
      type: 'date',
      label: { zh: '批次日期', en: 'Batch date' },
      required: true,
      list: true,
      sort: true,
      filter: 'range',
    },
    validUntil: {
      type: 'date',
      label: { zh: '有效期至', en: 'Valid until' },
      list: true,
      sort: true,
      filter: 'range',
    },
    documentNumber: {
      type: 'string',
      label: { zh: '文号', en: 'Document number' },
      maxLength: 100,
      list: true,
      search: 'prefix',
    },
    notes: { type: 'text', label: { zh: '备注', en: 'Notes' } },
    // Kept by the database (a trigger on identities, however they are written: form, import).
    identityCount: {
      type: 'integer',
      label: { zh: '人数', en: 'People' },
      help: { zh: '名单中的人员数，随导入自动更新', en: 'People on the list, updated as they are loaded' },
      readOnly: true,
      defaultValue: 0,
      list: true,
      sort: true,
    },
  },
  check: (r) =>
    r.validUntil && r.batchDate && String(r.validUntil) < String(r.batchDate)
      ? { field: 'validUntil', message: { zh: '有效期不能早于批次日期', en: 'Valid-until cannot precede the batch date' } }
      : null,
});
