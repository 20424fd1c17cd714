import { defineResource } from '@zizhu/schema';

export const AUDIT_ACTIONS = [
  { value: 'create', label: { zh: '新增', en: 'Create' } },
  { value: 'update', label: { zh: '修改', en: 'Update' } },
  { value: 'delete', label: { zh: '删除', en: 'Delete' } },
  { value: 'reveal', label: { zh: '查看敏感信息', en: 'Reveal' } },
  { value: 'export', label: { zh: '导出', en: 'Export' } },
  { value: 'download', label: { zh: '下载附件', en: 'Download' } },
  { value: 'import', label: { zh: '导入', en: 'Import' } },
] as const;

/**
 * 操作日志: every change and every reveal of personal data; written by the API only. An
 * import is one entry (action `import`, resource `imports`, its counts in `after`); the
 * records it wrote are linked to it in `import_records` (see GET /api/record-history).
 */
export const auditLogResource = defineResource({
  name: 'audit-log',
  table: 'audit_log',
  label: { zh: '操作日志', en: 'Audit log' },
  recordLabel: 'id',
  idType: 'integer',
  icon: 'history',
  menu: { group: 'system', order: 2 },
  audited: false,
  versioned: false,
  large: true,
  scope: { kind: 'stored' },
  access: { list: ['admin', 'county'], create: [], update: [], delete: [] },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ix_audit_log_record', columns: ['resource', 'record_id', 'id'] },
    { name: 'ix_audit_log_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    at: { type: 'datetime', label: { zh: '时间', en: 'At' }, required: true, readOnly: true, list: true, sort: true, filter: 'range' },
    userId: {
      type: 'reference',
      reference: 'users',
      label: { zh: '操作人', en: 'User' },
      readOnly: true,
      list: true,
      filter: 'exact',
    },
    action: {
      type: 'enum',
      label: { zh: '操作', en: 'Action' },
      options: AUDIT_ACTIONS,
      required: true,
      readOnly: true,
      list: true,
      filter: 'exact',
    },
    resource: { type: 'string', display: 'resourceName', label: { zh: '资源', en: 'Resource' }, maxLength: 40, required: true, readOnly: true, list: true, filter: 'exact' },
    recordId: { type: 'string', label: { zh: '记录', en: 'Record' }, maxLength: 40, required: true, readOnly: true, list: true, filter: 'exact' },
    importId: {
      type: 'reference',
      reference: 'imports',
      label: { zh: '来自导入', en: 'From import' },
      readOnly: true,
      filter: 'exact',
    },
    before: { type: 'json', label: { zh: '修改前', en: 'Before' }, readOnly: true },
    after: { type: 'json', label: { zh: '修改后', en: 'After' }, readOnly: true },
  },
});
