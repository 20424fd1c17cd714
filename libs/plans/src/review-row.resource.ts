import { defineResource } from '@zizhu/schema';

/**
 * 点评结果: one school's line of a review — its figure for each indicator with the counts
 * behind it, weighted total, rank among the review's schools, and whether it is lagging
 * with what it missed. Written by the review's compute (system only) and frozen when the
 * review is issued. While the review is a draft a row sits at the review's region (its
 * planners read it); issuing it gives each row to its school (`issuedTo`), so the scope
 * engine shows a school its own line and nobody else's.
 */
export const reviewRowResource = defineResource({
  name: 'review-rows',
  table: 'review_rows',
  label: { zh: '点评结果', en: 'Review results' },
  recordLabel: 'schoolId',
  recordTitle: ['reviewId', 'schoolId'],
  idType: 'integer',
  icon: 'leaderboard',
  menu: { group: 'tasks', order: 21 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['issuedTo', 'reviewId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: [],
    update: [],
    delete: [],
  },
  importable: false,
  defaultSort: { field: 'rank', order: 'ASC' },
  indexes: [
    { name: 'ux_review_rows_review_school', columns: ['review_id', 'school_id'], unique: true },
    { name: 'ix_review_rows_school', columns: ['school_id', 'id'] },
    { name: 'ix_review_rows_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    reviewId: { type: 'reference', reference: 'reviews', label: { zh: '点评', en: 'Review' }, readOnly: true, list: true, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, readOnly: true, list: true, filter: 'exact' },
    regionName: { type: 'string', label: { zh: '所属区域', en: 'Area' }, help: { zh: '点评区域下一级的区县或乡镇', en: 'The county or township under the review’s region' }, readOnly: true, maxLength: 100 },
    rank: { type: 'integer', label: { zh: '排名', en: 'Rank' }, readOnly: true, list: true, sort: true },
    total: { type: 'number', label: { zh: '加权总分', en: 'Weighted total' }, decimals: 1, readOnly: true, list: true, sort: true, filter: 'range' },
    lagging: { type: 'boolean', label: { zh: '工作滞后', en: 'Lagging' }, readOnly: true, list: true, filter: 'exact' },
    figures: { type: 'json', label: { zh: '各项指标', en: 'Indicators' }, readOnly: true },
    missedDuties: { type: 'json', label: { zh: '未完成任务', en: 'Missed duties' }, readOnly: true },
    weakIndicators: { type: 'json', label: { zh: '低于滞后线的指标', en: 'Indicators below the line' }, readOnly: true },
    unitName: { type: 'string', label: { zh: '单位名称（点评时）', en: 'Unit name (when computed)' }, readOnly: true, maxLength: 100 },
    issuedTo: {
      type: 'reference',
      reference: 'schools',
      label: { zh: '告知学校', en: 'Issued to' },
      help: { zh: '点评发布后，该校可查看本行', en: 'Once the review is issued, the school reads this line' },
      readOnly: true,
    },
  },
});
