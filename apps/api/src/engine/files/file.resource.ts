import { defineResource } from '@zizhu/schema';

/**
 * 附件: an uploaded file (evidence, scans, signed forms), any module's. The metadata lives
 * here, the bytes in `file_contents` (so listing or joining files never reads a blob). A
 * record points at its file with a `reference: 'files'` field; saving that record links
 * the file to it (`resource`, `recordId`) and gives the file the record's scope path, so
 * exactly the users who can see the record can download it. Served only by the files
 * routes (upload, info, download); no generic list or edit.
 */
export const fileResource = defineResource({
  name: 'files',
  table: 'files',
  label: { zh: '附件', en: 'Files' },
  recordLabel: 'name',
  idType: 'integer',
  audited: true,
  versioned: false,
  scope: { kind: 'stored' },
  access: { list: [], create: [], update: [], delete: [] },
  // Upload and download are the files routes (file.controller.ts).
  ownRoutes: ['getOne', 'create', 'export'],
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ix_files_record', columns: ['resource', 'record_id'] },
    { name: 'ix_files_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    name: { type: 'string', label: { zh: '文件名', en: 'File name' }, required: true, maxLength: 255, readOnly: true },
    contentType: { type: 'string', label: { zh: '文件类型', en: 'Content type' }, required: true, maxLength: 100, readOnly: true },
    size: { type: 'integer', label: { zh: '大小（字节）', en: 'Size (bytes)' }, required: true, readOnly: true },
    sha256: { type: 'string', label: { zh: 'SHA-256', en: 'SHA-256' }, required: true, maxLength: 64, readOnly: true },
    uploadedBy: { type: 'reference', reference: 'users', label: { zh: '上传人', en: 'Uploaded by' }, required: true, readOnly: true },
    uploadedAt: { type: 'datetime', label: { zh: '上传时间', en: 'Uploaded at' }, required: true, readOnly: true },
    resource: { type: 'string', label: { zh: '所属资源', en: 'Resource' }, maxLength: 40, readOnly: true },
    recordId: { type: 'string', label: { zh: '所属记录', en: 'Record' }, maxLength: 40, readOnly: true },
  },
});
