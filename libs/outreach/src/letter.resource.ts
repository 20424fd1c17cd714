import { defineResource } from '@zizhu/schema';
import { TERMS } from '@zizhu/programs';
import { LETTER_STATUSES } from './outreach.enums';

/** One paid line as a letter lists it (`payments`): money in fen, net of refunds; the account masked. */
export interface LetterPayment {
  programId: number;
  program: string;
  /** What reached the family: the line's amount less what was refunded from it. */
  amount: number;
  /** The line as paid, and what was refunded from it (0 for most). */
  paid: number;
  refunded: number;
  date: string;
  account: string | null;
}

/**
 * 致家长的一封信: one letter per aid recipient and term, generated from what was actually
 * paid (`payments`: program, amount in fen net of refunds, date, masked account, per paid
 * line; `total`), with the template revision it was made from and its rendered text and
 * 回执 frozen. The school delivers it and collects the 回执; both are marked in bulk
 * (`POST /letters/mark`) or from the 回执登记表 sheet, which keep status and dates together.
 */
export const letterResource = defineResource({
  name: 'letters',
  table: 'letters',
  label: { zh: '致家长的一封信', en: 'Letters to families' },
  recordLabel: 'studentId',
  recordTitle: ['studentId', 'year', 'term'],
  idType: 'integer',
  icon: 'mail',
  menu: { group: 'tasks', order: 31 },
  audited: true,
  versioned: true,
  large: true,
  scope: { kind: 'reference', via: ['schoolId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: [],
    update: ['admin', 'county', 'school'],
    delete: ['admin', 'county'],
  },
  businessKey: ['studentId', 'year', 'term'],
  // Marked by the 回执登记表 sheet, which keeps status and dates together (the generic import would not).
  importable: false,
  // `GET /letters/batch.pdf` and the sheet share the path with `:id`: the letters controller routes them first.
  ownRoutes: ['getOne', 'export'],
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_letters_student_term', columns: ['student_id', 'year', 'term'], unique: true },
    { name: 'ix_letters_school_term', columns: ['school_id', 'year', 'term', 'status'] },
    { name: 'ix_letters_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    studentId: { type: 'reference', reference: 'students', label: { zh: '学生', en: 'Student' }, required: true, immutable: true, list: true, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, required: true, immutable: true, list: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, required: true, immutable: true, min: 2000, max: 2100, list: true, filter: 'exact' },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, options: TERMS, required: true, immutable: true, list: true, filter: 'exact' },
    templateId: { type: 'reference', reference: 'letter-templates', label: { zh: '模板', en: 'Template' }, required: true, immutable: true },
    templateRevision: { type: 'integer', label: { zh: '模板修订版本', en: 'Template revision' }, readOnly: true },
    payments: { type: 'json', label: { zh: '发放明细', en: 'Payments' }, readOnly: true },
    total: { type: 'money', label: { zh: '合计金额', en: 'Total' }, readOnly: true, list: true },
    content: { type: 'text', label: { zh: '告知书正文', en: 'Letter text' }, readOnly: true },
    receipt: { type: 'text', label: { zh: '回执内容', en: 'Receipt slip text' }, readOnly: true },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: LETTER_STATUSES, defaultValue: 'generated', list: true, filter: 'exact', aliases: ['送达状态'] },
    deliveredAt: { type: 'date', label: { zh: '送达日期', en: 'Delivered on' }, list: true, filter: 'range', sort: true },
    receiptReturnedAt: { type: 'date', label: { zh: '回执日期', en: 'Receipt returned on' }, list: true, filter: 'range' },
  },
});
