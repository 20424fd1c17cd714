import { defineResource } from '@zizhu/schema';

export const EXPORT_JOB_FORMATS = [
  { value: 'xlsx', label: { zh: 'Excel', en: 'Excel' } },
  { value: 'csv', label: { zh: 'CSV', en: 'CSV' } },
] as const;

export const EXPORT_JOB_STATUSES = [
  { value: 'running', label: { zh: '导出中', en: 'Running' } },
  { value: 'done', label: { zh: '已完成', en: 'Done' } },
  { value: 'failed', label: { zh: '失败', en: 'Failed' } },
] as const;

/**
 * 导出记录: one large export written to a file in the background. Written by the export
 * jobs only; the file itself lives in the API's temp dir for 24 hours.
 */
export const exportJobResource = defineResource({
  name: 'export-jobs',
  table: 'export_jobs',
  label: { zh: '导出记录', en: 'Exports' },
  recordLabel: 'fileName',
  idType: 'integer',
  icon: 'download',
  menu: { group: 'system', order: 4 },
  audited: false,
  versioned: false,
  scope: { kind: 'stored' },
  access: { list: ['admin', 'county', 'school', 'finance'], create: [], update: [], delete: [] },
  // Reading one is the job's status (export-job.controller.ts).
  ownRoutes: ['getOne', 'export'],
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [{ name: 'ix_export_jobs_scope_path', columns: ['scope_path', 'id'] }],
  fields: {
    startedAt: { type: 'datetime', label: { zh: '开始时间', en: 'Started' }, required: true, readOnly: true, list: true, sort: true, filter: 'range' },
    userId: { type: 'reference', reference: 'users', label: { zh: '导出人', en: 'Exported by' }, required: true, readOnly: true, list: true, filter: 'exact' },
    resource: { type: 'string', display: 'resourceName', label: { zh: '数据类型', en: 'Resource' }, maxLength: 40, required: true, readOnly: true, list: true, filter: 'exact' },
    format: { type: 'enum', label: { zh: '格式', en: 'Format' }, options: EXPORT_JOB_FORMATS, required: true, readOnly: true, list: true, filter: 'exact' },
    encoding: { type: 'string', label: { zh: '编码', en: 'Encoding' }, maxLength: 16, required: true, readOnly: true },
    fileName: { type: 'string', label: { zh: '文件名', en: 'File' }, maxLength: 255, required: true, readOnly: true, list: true },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: EXPORT_JOB_STATUSES, required: true, readOnly: true, list: true, filter: 'exact' },
    progress: { type: 'json', label: { zh: '进度', en: 'Progress' }, readOnly: true },
    message: { type: 'json', display: 'localizedText', label: { zh: '说明', en: 'Message' }, readOnly: true },
    finishedAt: { type: 'datetime', label: { zh: '完成时间', en: 'Finished' }, readOnly: true, list: true, sort: true },
  },
});
