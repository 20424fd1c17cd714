import { defineResource } from '@zizhu/schema';

export const IMPORT_MODES = [
  { value: 'insert', label: { zh: '仅新增', en: 'Insert only' } },
  { value: 'update', label: { zh: '仅更新', en: 'Update only' } },
  { value: 'upsert', label: { zh: '新增或更新', en: 'Insert or update' } },
] as const;

export const IMPORT_STATUSES = [
  { value: 'validating', label: { zh: '校验中', en: 'Validating' } },
  { value: 'validated', label: { zh: '待确认', en: 'Validated' } },
  { value: 'committing', label: { zh: '导入中', en: 'Committing' } },
  { value: 'committed', label: { zh: '已导入', en: 'Committed' } },
  { value: 'failed', label: { zh: '失败', en: 'Failed' } },
  { value: 'cancelled', label: { zh: '已取消', en: 'Cancelled' } },
] as const;

/** 导入记录: one uploaded file and what became of it. Written by the import jobs only. */
export const importResource = defineResource({
  name: 'imports',
  table: 'imports',
  label: { zh: '导入记录', en: 'Imports' },
  recordLabel: 'fileName',
  idType: 'integer',
  icon: 'upload',
  menu: { group: 'system', order: 3 },
  audited: false,
  versioned: false,
  scope: { kind: 'stored' },
  access: { list: ['admin', 'county', 'school', 'finance'], create: [], update: [], delete: [] },
  // An upload starts an import; reading one is its status (import.controller.ts).
  ownRoutes: ['getOne', 'create', 'export'],
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [{ name: 'ix_imports_scope_path', columns: ['scope_path', 'id'] }],
  fields: {
    startedAt: { type: 'datetime', label: { zh: '上传时间', en: 'Uploaded' }, required: true, readOnly: true, list: true, sort: true, filter: 'range' },
    userId: { type: 'reference', reference: 'users', label: { zh: '上传人', en: 'Uploaded by' }, required: true, readOnly: true, list: true, filter: 'exact' },
    resource: { type: 'string', display: 'resourceName', label: { zh: '数据类型', en: 'Resource' }, maxLength: 40, required: true, readOnly: true, list: true, filter: 'exact' },
    fileName: { type: 'string', label: { zh: '文件名', en: 'File' }, maxLength: 255, required: true, readOnly: true, list: true },
    mode: { type: 'enum', label: { zh: '方式', en: 'Mode' }, options: IMPORT_MODES, required: true, readOnly: true, list: true, filter: 'exact' },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: IMPORT_STATUSES, required: true, readOnly: true, list: true, filter: 'exact' },
    allOrNothing: { type: 'boolean', label: { zh: '全部正确才导入', en: 'All or nothing' }, readOnly: true },
    commitWhileReading: { type: 'boolean', label: { zh: '边读边提交', en: 'Committed while read' }, readOnly: true },
    counts: { type: 'json', label: { zh: '行数统计', en: 'Counts' }, readOnly: true },
    progress: { type: 'json', label: { zh: '进度', en: 'Progress' }, readOnly: true },
    mapping: { type: 'json', label: { zh: '列对应', en: 'Column mapping' }, readOnly: true },
    message: { type: 'json', display: 'localizedText', label: { zh: '说明', en: 'Message' }, readOnly: true },
    finishedAt: { type: 'datetime', label: { zh: '完成时间', en: 'Finished' }, readOnly: true, list: true, sort: true },
  },
});
