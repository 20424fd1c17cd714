import { defineResource } from '@zizhu/schema';
import { ROSTER_ACTIONS } from './program.enums';

/** 审批记录: every step's decision on a roster and every amendment, with who and why. */
export const rosterActionResource = defineResource({
  name: 'roster-actions',
  table: 'roster_actions',
  label: { zh: '审批记录', en: 'Roster decisions' },
  recordLabel: 'stepLabel',
  idType: 'integer',
  icon: 'history',
  menu: { group: 'programs', order: 4 },
  audited: false,
  versioned: false,
  scope: { kind: 'reference', via: ['rosterId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: [],
    update: [],
    delete: [],
  },
  defaultSort: { field: 'id', order: 'ASC' },
  indexes: [
    { name: 'ix_roster_actions_roster', columns: ['roster_id', 'id'] },
    { name: 'ix_roster_actions_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    rosterId: { type: 'reference', reference: 'rosters', label: { zh: '名单', en: 'Roster' }, readOnly: true, list: true, filter: 'exact' },
    stepIndex: { type: 'integer', label: { zh: '步骤序号', en: 'Step no.' }, display: 'ownView', readOnly: true },
    stepLabel: { type: 'string', label: { zh: '步骤', en: 'Step' }, readOnly: true, maxLength: 30, list: true },
    action: { type: 'enum', label: { zh: '操作', en: 'Action' }, options: ROSTER_ACTIONS, readOnly: true, list: true, filter: 'exact' },
    comment: { type: 'text', label: { zh: '意见', en: 'Comment' }, readOnly: true, list: true },
    change: { type: 'json', label: { zh: '更正内容', en: 'Change' }, readOnly: true },
    actedBy: { type: 'reference', reference: 'users', label: { zh: '办理人账号', en: 'By (account)' }, readOnly: true },
    // Kept as written: a school reads who acted at the county without seeing the county's users.
    actedByName: { type: 'string', label: { zh: '办理人', en: 'By' }, readOnly: true, maxLength: 100, list: true },
    actedAt: { type: 'datetime', label: { zh: '办理时间', en: 'At' }, readOnly: true, list: true, sort: true },
  },
});
