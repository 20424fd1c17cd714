import { defineResource, idNumberField, personNameField } from '@zizhu/schema';

/**
 * 特殊群体身份: one person on one department list. A person on several lists has several
 * rows; within a list the ID number is unique, so a list re-imported is upserted by
 * (ID number, list).
 */
export const identityResource = defineResource({
  name: 'identities',
  table: 'identities',
  label: { zh: '特殊群体身份', en: 'Special-group identities' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'badge',
  menu: { group: 'comparison', order: 3 },
  audited: true,
  versioned: true,
  large: true,
  scope: { kind: 'reference', via: ['listId'] },
  access: {
    list: ['admin', 'county'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  businessKey: ['idNumber', 'listId'],
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_identities_list_id_number', columns: ['list_id', 'id_number'], unique: true },
    { name: 'ix_identities_id_number', columns: ['id_number'] },
    { name: 'ix_identities_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    listId: {
      type: 'reference',
      reference: 'identity-lists',
      label: { zh: '所属名单', en: 'List' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
      aliases: ['所属名单', '名单', '名单名称'],
    },
    idNumber: idNumberField({
      sensitive: { mask: 'idNumber', plainFor: ['admin'], revealFor: ['county'] },
      derives: { birthDate: 'birthDate' },
    }),
    name: personNameField(['姓名', '人员姓名', '学生姓名']),
    birthDate: {
      type: 'date',
      label: { zh: '出生日期', en: 'Birth date' },
      readOnly: true,
      list: true,
      filter: 'range',
    },
    identityTypeId: {
      type: 'reference',
      reference: 'identity-types',
      label: { zh: '身份类型', en: 'Identity type' },
      help: { zh: '不填则取名单的身份类型', en: "Leave empty to use the list's type" },
      list: true,
      filter: 'exact',
      aliases: ['身份类型', '身份类别'],
    },
    householdHead: {
      type: 'string',
      label: { zh: '户主姓名', en: 'Household head' },
      maxLength: 50,
      aliases: ['户主', '户主姓名'],
    },
    householdRegionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '户籍地', en: 'Household registration' },
      filter: 'exact',
      aliases: ['户籍地', '户口所在地', '所在乡镇'],
    },
    remarks: { type: 'text', label: { zh: '备注', en: 'Remarks' }, aliases: ['备注'] },
  },
});
