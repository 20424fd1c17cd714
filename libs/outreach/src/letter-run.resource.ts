import { defineResource, type EnumOption } from '@zizhu/schema';
import { TERMS } from '@zizhu/programs';

/** 生成状态: on the job queue, finished, or stopped with a reason (`message`). */
export const LETTER_RUN_STATUSES: readonly EnumOption[] = [
  { value: 'running', label: { zh: '生成中', en: 'Running' } },
  { value: 'done', label: { zh: '已完成', en: 'Done' } },
  { value: 'failed', label: { zh: '失败', en: 'Failed' } },
];

/** What a run did, letter by letter (`counts`). */
export interface LetterRunCounts {
  /** Students with money paid (net of refunds) in the term. */
  recipients: number;
  created: number;
  /** Still-generated letters whose payments or text changed. */
  updated: number;
  /** Letters already delivered (or with their receipt back): kept as they are. */
  kept: number;
  /** Still-generated letters whose student has nothing left paid (all refunded). */
  removed: number;
}

/**
 * 告知书生成记录: one `POST /api/letters/generate` — a school's or a region's letters for a
 * term, from one template, written by a job on the queue. Read by who started it and the
 * regions above; its status and progress are what the panel polls.
 */
export const letterRunResource = defineResource({
  name: 'letter-runs',
  table: 'letter_runs',
  label: { zh: '告知书生成记录', en: 'Letter runs' },
  recordLabel: 'id',
  idType: 'integer',
  icon: 'history',
  menu: { group: 'tasks', order: 32 },
  audited: false,
  versioned: false,
  scope: { kind: 'stored' },
  access: { list: ['admin', 'county', 'school'], create: [], update: [], delete: [] },
  importable: false,
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [{ name: 'ix_letter_runs_scope_path', columns: ['scope_path', 'id'] }],
  fields: {
    regionId: { type: 'reference', reference: 'regions', label: { zh: '区域', en: 'Region' }, readOnly: true, list: true, filter: 'exact' },
    schoolId: { type: 'reference', reference: 'schools', label: { zh: '学校', en: 'School' }, readOnly: true, list: true, filter: 'exact' },
    year: { type: 'integer', label: { zh: '年度', en: 'Year' }, grouping: false, required: true, readOnly: true, list: true, filter: 'exact' },
    term: { type: 'enum', label: { zh: '学期', en: 'Term' }, options: TERMS, required: true, readOnly: true, list: true, filter: 'exact' },
    templateId: { type: 'reference', reference: 'letter-templates', label: { zh: '模板', en: 'Template' }, required: true, readOnly: true, list: true },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, options: LETTER_RUN_STATUSES, required: true, readOnly: true, list: true, filter: 'exact' },
    progress: { type: 'json', label: { zh: '进度', en: 'Progress' }, readOnly: true },
    counts: { type: 'json', label: { zh: '生成结果', en: 'Outcome' }, readOnly: true },
    message: { type: 'json', display: 'localizedText', label: { zh: '说明', en: 'Message' }, readOnly: true },
    startedBy: { type: 'reference', reference: 'users', label: { zh: '发起人', en: 'Started by' }, required: true, readOnly: true, list: true },
    startedAt: { type: 'datetime', label: { zh: '开始时间', en: 'Started' }, required: true, readOnly: true, list: true, sort: true },
    finishedAt: { type: 'datetime', label: { zh: '完成时间', en: 'Finished' }, readOnly: true },
  },
});
