import { defineResource } from '@zizhu/schema';
import { ENTRY_SOURCES, TERMS } from './program.enums';

/**
 * 名单条目: one student on one roster, at a tier of the program, with the answers to the
 * program's extra application fields. A student appears once per program and term (across
 * all schools). Written through `/api/roster-entries` while the roster is with the school.
 */
export const rosterEntryResource = defineResource({
  name: 'roster-entries',
  table: 'roster_entries',
  label: { zh: '名单学生', en: 'Roster entries' },
  recordLabel: 'id',
  recordTitle: ['studentId', 'programId'],
  idType: 'integer',
  icon: 'how_to_reg',
  menu: { group: 'programs', order: 3 },
  audited: true,
  versioned: true,
  // Written through the roster workflow (copied program, tier amounts, the chain), never the generic import.
  importable: false,
  large: true,
  distributedBy: 'county',
  scope: { kind: 'reference', via: ['rosterId'] },
  access: {
    list: ['admin', 'county', 'school', 'inspector', 'finance'],
    create: ['admin', 'school'],
    update: ['admin', 'school'],
    delete: ['admin', 'school'],
  },
  businessKey: ['rosterId', 'studentId'],
  defaultSort: { field: 'id', order: 'ASC' },
  indexes: [
    { name: 'ux_roster_entries_student_term', columns: ['program_id', 'year', 'term', 'student_id'], unique: true },
    { name: 'ix_roster_entries_roster', columns: ['roster_id', 'id'] },
    { name: 'ix_roster_entries_student', columns: ['student_id'] },
    { name: 'ix_roster_entries_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    rosterId: { type: 'reference', reference: 'rosters', label: { zh: '名单', en: 'Roster' }, required: true, immutable: true, list: true, filter: 'exact', aliases: ['名单', '名单编号'] },
    studentId: {
      type: 'reference',
      reference: 'students',
      label: { zh: '学生', en: 'Student' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
      aliases: ['学生', '身份证号', '学生身份证号'],
      agreesWith: { field: 'schoolId', equals: 'rosterId.schoolId', message: { zh: '该学生不在本名单的学校', en: 'This student is not at the roster’s school' } },
    },
    tier: {
      type: 'string',
      label: { zh: '档次', en: 'Tier' },
      help: { zh: '项目设定的档次代码', en: 'A tier code of the program' },
      codeOf: { via: 'rosterId', list: 'tiers', key: 'code', label: 'label' },
      required: true,
      maxLength: 20,
      list: true,
      filter: 'exact',
      aliases: ['档次', '资助档次'],
    },
    amount: { type: 'money', label: { zh: '金额', en: 'Amount' }, readOnly: true, list: true },
    applicationData: {
      type: 'json',
      label: { zh: '申请信息', en: 'Application' },
      // Nobody applied for an entry enrolled automatically: no answers are required of it.
      shape: { kind: 'values', via: 'rosterId', field: 'applicationFields', optionalWhen: { field: 'source', equals: 'auto' } },
    },
    source: { type: 'enum', label: { zh: '来源', en: 'Source' }, options: ENTRY_SOURCES, readOnly: true, defaultValue: 'application', list: true, filter: 'exact' },
    note: { type: 'string', label: { zh: '备注', en: 'Note' }, maxLength: 200, aliases: ['备注'] },
    programId: { type: 'reference', reference: 'programs', label: { zh: '资助项目', en: 'Program' }, readOnly: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, readOnly: true, filter: 'exact' },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, options: TERMS, readOnly: true, filter: 'exact' },
  },
});
