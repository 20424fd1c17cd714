import { defineResource } from '@zizhu/schema';
import { CLUE_ACTION_OPTIONS } from './check.enums';

/** 线索办理记录: every step of a clue's workflow — the school's answers, the county's returns and acceptance — with who, when and why. */
export const clueActionResource = defineResource({
  name: 'clue-actions',
  table: 'clue_actions',
  label: { zh: '线索办理记录', en: 'Clue history' },
  recordLabel: 'action',
  idType: 'integer',
  icon: 'history',
  menu: { group: 'checks', order: 2 },
  audited: false,
  versioned: false,
  scope: { kind: 'reference', via: ['clueId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: [],
    update: [],
    delete: [],
  },
  defaultSort: { field: 'id', order: 'ASC' },
  indexes: [
    { name: 'ix_clue_actions_clue', columns: ['clue_id', 'id'] },
    { name: 'ix_clue_actions_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    clueId: { type: 'reference', reference: 'clues', label: { zh: '线索', en: 'Clue' }, readOnly: true, list: true, filter: 'exact' },
    action: { type: 'enum', label: { zh: '办理', en: 'Action' }, options: CLUE_ACTION_OPTIONS, readOnly: true, list: true, filter: 'exact' },
    comment: { type: 'text', label: { zh: '内容', en: 'Comment' }, help: { zh: '反馈的核实情况，或退回理由、审核意见', en: 'The finding answered, or the reason or comment' }, readOnly: true, list: true },
    actedBy: { type: 'reference', reference: 'users', label: { zh: '办理人账号', en: 'By (account)' }, readOnly: true },
    // Kept as written: a school reads who acted at the county without seeing the county's users.
    actedByName: { type: 'string', label: { zh: '办理人', en: 'By' }, readOnly: true, maxLength: 100, list: true },
    actedAt: { type: 'datetime', label: { zh: '办理时间', en: 'At' }, readOnly: true, list: true, sort: true },
  },
});
