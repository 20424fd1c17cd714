import { defineResource, type FieldDeclaration } from '@zizhu/schema';
import { COMPARISON_STATUSES } from './comparison.enums';
import { comparisonRunField } from './comparison-run-field';

const count = (zh: string, en: string, list = true): FieldDeclaration => ({ type: 'integer', label: { zh, en }, readOnly: true, list });

/**
 * 比对运行记录: one execution of a comparison run (its first run or a re-run), written by
 * the server when it ends: who started it, when, and what it found and changed. A re-run
 * replaces the run's results but never its history.
 */
export const comparisonExecutionResource = defineResource({
  name: 'comparison-executions',
  table: 'comparison_executions',
  label: { zh: '比对运行记录', en: 'Comparison executions' },
  recordLabel: 'startedAt',
  idType: 'integer',
  icon: 'history',
  menu: { group: 'comparison', order: 6 },
  audited: true,
  versioned: false,
  // Read with its run: by the run's region and by everyone below it.
  scope: { kind: 'reference', via: ['comparisonId'], readFromBelow: true },
  access: { list: ['admin', 'county', 'inspector', 'school'], create: [], update: [], delete: [] },
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [{ name: 'ix_comparison_executions_run', columns: ['comparison_id', 'id'] }],
  fields: {
    comparisonId: comparisonRunField,
    status: { type: 'enum', label: { zh: '结果', en: 'Status' }, options: COMPARISON_STATUSES, required: true, readOnly: true, list: true, filter: 'exact' },
    startedBy: { type: 'reference', reference: 'users', label: { zh: '运行人', en: 'Started by' }, readOnly: true, list: true },
    startedAt: { type: 'datetime', label: { zh: '开始时间', en: 'Started' }, required: true, readOnly: true, list: true, sort: true },
    finishedAt: { type: 'datetime', label: { zh: '结束时间', en: 'Finished' }, readOnly: true, list: true },
    identitiesCompared: count('比对名单人数', 'Identities compared'),
    matched: count('比对一致', 'Matched'),
    questionable: count('疑似', 'Questionable'),
    unmatched: count('未匹配人员', 'Unmatched'),
    added: count('新增结果', 'New results'),
    changed: count('结果变化', 'Changed results'),
    removed: count('不再匹配', 'Removed results'),
    message: { type: 'json', label: { zh: '说明', en: 'Message' }, readOnly: true, display: 'localizedText' },
  },
});
