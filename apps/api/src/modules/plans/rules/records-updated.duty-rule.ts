import { chinaDayEnd, chinaDayStart } from '../occurrences/occurrence-sql';
import type { DutyRule } from './duty-rule';

/**
 * 更新维护系统数据: since the period began, the school created or updated a student record,
 * or confirmed one (decided a comparison result of its students) — any row of the audit log
 * under the school's path for those resources, written by then, or an import in the period
 * that wrote one of the school's students (its one audit entry and its links to the records).
 */
export const recordsUpdated: DutyRule = {
  code: 'recordsUpdated',
  description: {
    zh: '本期内（上一截止日次日起）学校新增、修改过学生信息，或核实过比对结果（操作日志为据）',
    en: 'Since the period began the school added or changed a student record, or decided a comparison result (from the audit log)',
  },
  met: (asOf) => `(EXISTS (
    SELECT 1 FROM audit_log a
     WHERE a.scope_path LIKE o.scope_path || '%'
       AND a.resource IN ('students', 'comparison-results')
       AND a.action IN ('create', 'update')
       AND a.at >= ${chinaDayStart('o.period_start')} AND a.at < ${chinaDayEnd(asOf)})
    OR EXISTS (
    -- From the school's students to their import links by the links' key (no index on the import).
    SELECT 1 FROM students s
      JOIN import_records l ON l.resource = 'students' AND l.record_id = s.id::text
      JOIN audit_log a ON a.resource = 'imports' AND a.record_id = l.import_id::text AND a.action = 'import'
     WHERE s.scope_path LIKE o.scope_path || '%'
       AND a.at >= ${chinaDayStart('o.period_start')} AND a.at < ${chinaDayEnd(asOf)}))`,
};
