import { clueResource } from '@zizhu/checks';
import type { FindingDraft, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../engine/audit/audit.service';
import { auditSnapshot, selectList } from '../../engine/rest/record-presenter';

type Row = Record<string, unknown>;

/** A clue's kind holds at most this much: the item's label. */
const KIND_MAX = 100;

/**
 * Raises an inspection's findings as problem clues (source 督查) at the school, due
 * `daysToRectify` days after the submit date, open, opened by the submitter. One INSERT;
 * a finding whose clue exists (the same inspection and record key: a resubmit after
 * reopening) is skipped. Each new clue is audited as created. Returns how many clues the
 * inspection has now.
 */
export async function raiseFindings(
  manager: EntityManager,
  audit: AuditService,
  inspection: Row,
  findings: readonly FindingDraft[],
  kinds: ReadonlyMap<string, string>,
  due: { submittedOn: string; daysToRectify: number },
  user: SessionUser,
): Promise<number> {
  const rows = findings.map((finding, ord) => ({
    ord,
    kind: [...(kinds.get(finding.itemKey) ?? finding.itemKey)].slice(0, KIND_MAX).join(''),
    description: finding.description,
    student_id: finding.studentId ?? null,
    item_key: finding.itemKey,
    record_key: finding.recordKey,
    severity: finding.severity,
  }));
  if (rows.length) {
    const opened: Row[] = await manager.query(
      `INSERT INTO clues AS t (source, kind, description, school_id, student_id, inspection_id, item_key, record_key, severity,
                               due_date, status, refund_required, opened_by, scope_path, version)
       SELECT 'inspection', f.kind, f.description, $1, f.student_id, $2, f.item_key, f.record_key, f.severity,
              $3::date + $4::int, 'open', false, $5, $6, 1
         FROM jsonb_to_recordset($7::jsonb) AS f(ord int, kind text, description text, student_id int, item_key text, record_key text, severity text)
        ORDER BY f.ord
       ON CONFLICT (inspection_id, record_key) WHERE inspection_id IS NOT NULL DO NOTHING
       RETURNING ${selectList(clueResource)}`,
      [inspection.schoolId, inspection.id, due.submittedOn, due.daysToRectify, user.id, inspection.scopePath, JSON.stringify(rows)],
    );
    for (const clue of opened) {
      await audit.record(manager, user, {
        action: 'create',
        resource: clueResource.name,
        recordId: clue.id as number,
        scopePath: clue.scopePath as string,
        before: null,
        after: auditSnapshot(clueResource, clue),
      });
    }
  }
  const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM clues WHERE inspection_id = $1`, [inspection.id]);
  return count;
}
