import { defineResource } from '@zizhu/schema';
import { TERMS } from '@zizhu/programs';
import { CAMPAIGN_STATUSES, FOLLOW_UP_KINDS } from './outreach.enums';

/**
 * 回访活动: a bureau's round of phone calls or home visits for a term: drawing samples
 * `samplePerSchool` recipients of each school in its region (paid in the term), for whom the
 * schools (or the bureau) record the follow-ups by the due date.
 */
export const followUpCampaignResource = defineResource({
  name: 'follow-up-campaigns',
  table: 'follow_up_campaigns',
  label: { zh: '回访活动', en: 'Follow-up campaigns' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'phone',
  menu: { group: 'tasks', order: 33 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['regionId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'school', 'inspector'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [{ name: 'ix_follow_up_campaigns_scope_path', columns: ['scope_path', 'id'] }],
  fields: {
    name: { type: 'string', label: { zh: '活动名称', en: 'Name' }, required: true, maxLength: 100, list: true, sort: true, search: 'prefix' },
    regionId: { type: 'reference', reference: 'regions', label: { zh: '组织单位', en: 'Organised by' }, required: true, immutable: true, list: true, filter: 'exact' },
    kind: { type: 'enum', label: { zh: '回访方式', en: 'Kind' }, options: FOLLOW_UP_KINDS, required: true, immutable: true, list: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, required: true, immutable: true, min: 2000, max: 2100, list: true, filter: 'exact' },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, options: TERMS, required: true, immutable: true, list: true, filter: 'exact' },
    samplePerSchool: { type: 'integer', label: { zh: '每校抽样人数', en: 'Families per school' }, required: true, min: 1, max: 200, defaultValue: 10 },
    dueDate: { type: 'date', label: { zh: '完成期限', en: 'Due by' }, required: true, list: true, sort: true },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: CAMPAIGN_STATUSES, readOnly: true, defaultValue: 'draft', list: true, filter: 'exact' },
  },
});
