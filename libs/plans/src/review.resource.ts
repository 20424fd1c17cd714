import { defineResource } from '@zizhu/schema';
import { REVIEW_KINDS, REVIEW_STATUSES } from './review.enums';

/**
 * 月点评 / 季通报: a ranking of the schools of a region (the plan's, or one inside it) for a
 * month or a quarter of a plan's year, from indicators the platform computes — duties, data
 * verification, payments, rectifications, inspections, letters — weighed by the plan's
 * weights. A draft is computed (`POST /api/reviews/:id/compute`, again as often as wanted);
 * issuing it (`…/issue`) freezes it: its rows (`review-rows`), weights and figures are never
 * recomputed, and each school reads its own line. An issued 季通报 prints as a bulletin (PDF).
 * Read from below: the schools and counties of the region read the review; which rows they
 * read is `review-rows`' scope.
 */
export const reviewResource = defineResource({
  name: 'reviews',
  table: 'reviews',
  label: { zh: '月点评与季通报', en: 'Reviews and bulletins' },
  recordLabel: 'title',
  idType: 'integer',
  icon: 'leaderboard',
  menu: { group: 'tasks', order: 20 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['regionId', 'planId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  importable: false,
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_reviews_period', columns: ['plan_id', 'region_id', 'period_key'], unique: true },
    { name: 'ix_reviews_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    title: { type: 'string', label: { zh: '标题', en: 'Title' }, readOnly: true, maxLength: 100, list: true, search: 'prefix' },
    planId: { type: 'reference', reference: 'work-plans', label: { zh: '工作计划', en: 'Work plan' }, required: true, immutable: true, list: true, filter: 'exact' },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '点评区域', en: 'Region' },
      help: { zh: '留空为计划的制定区域；也可只点评其下的某个区县或乡镇', en: 'Empty: the plan’s region; or one county or township inside it' },
      immutable: true,
      filter: 'exact',
    },
    kind: { type: 'enum', label: { zh: '类型', en: 'Kind' }, options: REVIEW_KINDS, required: true, immutable: true, list: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, readOnly: true, list: true, sort: true, filter: 'exact' },
    month: { type: 'integer', label: { zh: '月份', en: 'Month' }, help: { zh: '月点评填写（1–12）', en: 'For a monthly review (1–12)' }, min: 1, max: 12, immutable: true, list: true },
    quarter: { type: 'integer', label: { zh: '季度', en: 'Quarter' }, help: { zh: '季通报填写（1–4）', en: 'For a quarterly bulletin (1–4)' }, min: 1, max: 4, immutable: true, list: true },
    periodKey: { type: 'string', label: { zh: '期次', en: 'Period' }, readOnly: true, maxLength: 10 },
    periodStart: { type: 'date', label: { zh: '起始日期', en: 'From' }, readOnly: true },
    periodEnd: { type: 'date', label: { zh: '截止日期', en: 'To' }, readOnly: true, sort: true },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: REVIEW_STATUSES, readOnly: true, defaultValue: 'draft', list: true, filter: 'exact' },
    remarks: {
      type: 'text',
      label: { zh: '点评意见', en: 'Remarks' },
      help: { zh: '印在季通报中，如总体情况和整改要求', en: 'Printed in the bulletin: the overall picture and what must be put right' },
      maxLength: 2000,
    },
    asOf: { type: 'date', label: { zh: '数据截至', en: 'Data as of' }, help: { zh: '计算所依据数据的日期', en: 'The day the figures describe' }, readOnly: true },
    laggingBelow: { type: 'integer', label: { zh: '滞后线', en: 'Lagging below' }, readOnly: true },
    indicators: { type: 'json', label: { zh: '指标与权重', en: 'Indicators and weights' }, readOnly: true, display: 'ownView' },
    unitCount: { type: 'integer', label: { zh: '参评单位', en: 'Units' }, readOnly: true, list: true },
    laggingCount: { type: 'integer', label: { zh: '滞后单位', en: 'Lagging' }, readOnly: true, list: true },
    computedAt: { type: 'datetime', label: { zh: '计算时间', en: 'Computed at' }, readOnly: true },
    computedBy: { type: 'reference', reference: 'users', label: { zh: '计算人', en: 'Computed by' }, readOnly: true },
    issuedAt: { type: 'datetime', label: { zh: '发布时间', en: 'Issued at' }, readOnly: true, list: true, sort: true },
    issuedBy: { type: 'reference', reference: 'users', label: { zh: '发布人', en: 'Issued by' }, readOnly: true },
  },
  check: (r) => {
    if (r.kind === 'monthly' && (r.month == null || r.quarter != null)) {
      return { field: 'month', message: { zh: '月点评请填写月份（不填季度）', en: 'A monthly review needs a month (and no quarter)' } };
    }
    if (r.kind === 'quarterly' && (r.quarter == null || r.month != null)) {
      return { field: 'quarter', message: { zh: '季通报请填写季度（不填月份）', en: 'A quarterly bulletin needs a quarter (and no month)' } };
    }
    return null;
  },
});
