import { defineResource } from '@zizhu/schema';
import { OMISSION_STATUSES } from './omission.enums';

/**
 * 补录: a school flags one of its students it believes belongs to a special group the
 * department lists missed. The county reviews it (`POST /api/omissions/:id/review`);
 * approved omissions count as the student's marks, like confirmed comparison results.
 * Scope via the student: each school sees its own, each county its schools'.
 */
export const omissionResource = defineResource({
  name: 'omissions',
  table: 'omissions',
  label: { zh: '身份补录', en: 'Omissions' },
  recordLabel: 'reason',
  idType: 'integer',
  icon: 'person_add',
  menu: { group: 'comparison', order: 7 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['studentId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: ['admin', 'school'],
    update: ['admin', 'school'],
    delete: ['admin'],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ix_omissions_student', columns: ['student_id', 'status'] },
    { name: 'ix_omissions_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    studentId: {
      type: 'reference',
      reference: 'students',
      label: { zh: '学生', en: 'Student' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    identityTypeId: {
      type: 'reference',
      reference: 'identity-types',
      label: { zh: '身份类型', en: 'Identity type' },
      required: true,
      list: true,
      filter: 'exact',
    },
    reason: {
      type: 'string',
      label: { zh: '补录理由', en: 'Reason' },
      required: true,
      maxLength: 500,
      list: true,
    },
    evidence: {
      type: 'text',
      label: { zh: '佐证材料说明', en: 'Evidence' },
      help: { zh: '证明材料的名称、文号或说明', en: 'What proves it: document names, numbers, notes' },
    },
    evidenceFileId: {
      type: 'reference',
      reference: 'files',
      label: { zh: '佐证材料文件', en: 'Evidence file' },
      help: {
        zh: '证明材料的扫描件或文件（PDF、JPG、PNG、Excel、Word，不超过 10 MB）',
        en: 'A scan or document proving it (PDF, JPG, PNG, Excel, Word; at most 10 MB)',
      },
    },
    status: {
      type: 'enum',
      label: { zh: '审核状态', en: 'Status' },
      options: OMISSION_STATUSES,
      readOnly: true,
      defaultValue: 'pending',
      list: true,
      filter: 'exact',
    },
    reviewReason: { type: 'string', label: { zh: '审核意见', en: 'Review reason' }, maxLength: 500, readOnly: true },
    reviewedBy: { type: 'reference', reference: 'users', label: { zh: '审核人', en: 'Reviewed by' }, readOnly: true },
    reviewedAt: { type: 'datetime', label: { zh: '审核时间', en: 'Reviewed at' }, readOnly: true, list: true, sort: true },
  },
});
