import { defineResource } from '@zizhu/schema';
import { TERMS } from '@zizhu/programs';
import { PAYMENT_METHODS } from './fund.enums';

/**
 * 发放批次: one payment run of a program for one term in a region, made from that
 * region's approved rosters (`POST /api/disbursement-batches`); the bank's result file
 * is applied to it (`POST /api/disbursement-batches/:id/bank-result`).
 */
export const disbursementBatchResource = defineResource({
  name: 'disbursement-batches',
  table: 'disbursement_batches',
  label: { zh: '发放批次', en: 'Payment batches' },
  recordLabel: 'title',
  idType: 'integer',
  icon: 'list',
  menu: { group: 'funds', order: 4 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['regionId'] },
  access: {
    list: ['admin', 'county', 'inspector', 'finance'],
    create: ['admin', 'finance'],
    update: [],
    delete: [],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [{ name: 'ix_disbursement_batches_scope_path', columns: ['scope_path', 'id'] }],
  fields: {
    title: { type: 'string', label: { zh: '批次', en: 'Batch' }, readOnly: true, maxLength: 200, list: true, search: 'prefix' },
    programId: { type: 'reference', reference: 'programs', label: { zh: '资助项目', en: 'Program' }, required: true, immutable: true, list: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, required: true, immutable: true, min: 2000, max: 2100, list: true, filter: 'exact' },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, required: true, immutable: true, options: TERMS, list: true, filter: 'exact' },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '发放区域', en: 'Region' },
      help: { zh: '本区域内已审定名单的学生进入本批次', en: 'Approved rosters of this region go into the batch' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    method: {
      type: 'enum',
      label: { zh: '发放方式', en: 'Method' },
      help: { zh: '只能发放到资助卡或本人银行账户，不得发放现金', en: 'Aid card or own bank account only; never cash' },
      required: true,
      immutable: true,
      options: PAYMENT_METHODS,
      list: true,
    },
    date: { type: 'date', label: { zh: '发放日期', en: 'Payment date' }, required: true, immutable: true, list: true, sort: true, filter: 'range' },
    // 应发 = 成功 + 失败 + 待发放, counting each entry's current line (a re-issue replaces the line it re-sends).
    lineCount: {
      type: 'integer',
      label: { zh: '应发笔数', en: 'Lines to pay' },
      help: { zh: '每名学生一笔（重发的一笔替代原来的）：成功 + 失败 + 待发放', en: 'One per student (a re-issue replaces its line): paid + failed + pending' },
      readOnly: true,
      defaultValue: 0,
      list: true,
    },
    totalAmount: {
      type: 'money',
      label: { zh: '应发金额', en: 'Amount to pay' },
      help: { zh: '应发笔数的金额合计，回盘后不变', en: 'The lines to pay, in total; unchanged by bank results' },
      readOnly: true,
      defaultValue: 0,
      list: true,
    },
    paidCount: { type: 'integer', label: { zh: '成功笔数', en: 'Lines paid' }, readOnly: true, defaultValue: 0, list: true },
    paidAmount: { type: 'money', label: { zh: '成功金额', en: 'Amount paid' }, readOnly: true, defaultValue: 0, list: true },
    failedCount: {
      type: 'integer',
      label: { zh: '失败笔数', en: 'Lines failed' },
      help: { zh: '发放失败或被银行退回、尚未重发的笔数', en: 'Failed or returned by the bank and not re-issued yet' },
      readOnly: true,
      defaultValue: 0,
      list: true,
    },
    failedAmount: { type: 'money', label: { zh: '失败金额', en: 'Amount failed' }, readOnly: true, defaultValue: 0 },
    skippedNoAccount: {
      type: 'integer',
      label: { zh: '未纳入笔数（缺少账号）', en: 'Left out (no account)' },
      help: { zh: '学生没有资助卡号/银行账号，见下方未纳入名单；补录账号后再建批次', en: 'Students without an account, listed below; add it and make another batch' },
      readOnly: true,
      defaultValue: 0,
    },
    note: { type: 'string', label: { zh: '备注', en: 'Note' }, maxLength: 200 },
    createdBy: { type: 'reference', reference: 'users', label: { zh: '创建人', en: 'By' }, readOnly: true },
  },
});
