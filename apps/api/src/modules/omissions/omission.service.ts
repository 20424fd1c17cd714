import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkOmissionReview, omissionResource } from '@zizhu/identities';
import type { Role, SessionUser, StudentMark } from '@zizhu/schema';
import { studentResource } from '@zizhu/students';
import { DataSource } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot, selectList } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { inScope } from '../../engine/scope/scope';
import type { OmissionBulkReviewDto, OmissionReviewDto } from './dtos/omission-review.dto';

/** Who may review omissions: the county (and admin), within their region. */
export const OMISSION_REVIEWERS: readonly Role[] = ['admin', 'county'];

/**
 * A student's marks, where each came from, highest-priority type first (then the oldest):
 * the first drives aid (see drivingIdentitySql, which picks the same one).
 */
const MARKS_SQL = `
  SELECT m.source, m.id, m.identity_type_id AS "identityTypeId", it.name AS "identityTypeName",
         m.comparison_id AS "comparisonId", c.name AS "comparisonName", l.id AS "listId", l.name AS "listName",
         m.decision, m.decided_at AS "decidedAt",
         row_number() OVER (ORDER BY it.priority NULLS LAST, it.id NULLS LAST, m.source, m.id) = 1 AS "drivesAid"
    FROM (SELECT 'comparison' AS source, r.id, r.identity_type_id, r.comparison_id, r.identity_id, r.decision, r.decided_at
            FROM comparison_results r WHERE r.student_id = $1 AND r.marked
          UNION ALL
          SELECT 'omission', o.id, o.identity_type_id, NULL, NULL, NULL, o.reviewed_at
            FROM omissions o WHERE o.student_id = $1 AND o.status = 'approved') m
    LEFT JOIN identity_types it ON it.id = m.identity_type_id
    LEFT JOIN comparisons c ON c.id = m.comparison_id
    LEFT JOIN identities i ON i.id = m.identity_id
    LEFT JOIN identity_lists l ON l.id = i.list_id
   ORDER BY it.priority NULLS LAST, it.id NULLS LAST, m.source, m.id`;

/** 补录: the county's review (one by one, see OmissionBehaviour, and in bulk) and a student's marks. */
@Injectable()
export class OmissionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  /** Approve or return a pending omission (returning needs a reason); audited. */
  async review(id: string, body: OmissionReviewDto, user: SessionUser): Promise<ApiRecord> {
    const invalid = checkOmissionReview(body.decision, body.reason);
    if (invalid) throw ApiException.validation({ [invalid.field]: invalid.message });
    await this.db.transaction(async (manager) => {
      const existing = await this.reader.findRow(manager, omissionResource, id, [], true);
      if (!existing || !inScope(existing.scopePath as string, user)) throw ApiException.notFound();
      if (existing.status !== 'pending') {
        throw ApiException.validation({ decision: { zh: '该补录已审核，不能重复审核', en: 'This omission has been reviewed already' } });
      }
      const reason = String(body.reason ?? '').trim() || null;
      const [[row]] = await manager.query(
        `UPDATE omissions AS t SET status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = now(),
                version = t.version + 1, updated_at = now()
          WHERE t.id = $1 RETURNING ${selectList(omissionResource)}`,
        [existing.id, body.decision, reason, user.id],
      );
      await this.audit.record(manager, user, {
        action: 'update',
        resource: omissionResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: auditSnapshot(omissionResource, existing),
        after: auditSnapshot(omissionResource, row),
      });
    });
    return this.reader.getOne(omissionResource, id, user);
  }

  /**
   * The county's bulk review (the list's bulk action): each listed omission that is pending
   * and in the caller's region gets the decision in one UPDATE, with one audit row each;
   * the rest are skipped. Returning needs a reason, as one by one.
   */
  async reviewMany(body: OmissionBulkReviewDto, user: SessionUser): Promise<{ reviewed: number; skipped: number }> {
    const invalid = checkOmissionReview(body.decision, body.reason);
    if (invalid) throw ApiException.validation({ [invalid.field]: invalid.message });
    const unique = [...new Set(body.ids)];
    const reason = String(body.reason ?? '').trim() || null;
    const [{ reviewed }]: { reviewed: number }[] = await this.db.query(
      `WITH before AS (
         SELECT ${selectList(omissionResource)} FROM omissions t
          WHERE t.id = ANY($1::int[]) AND t.status = 'pending' AND t.scope_path LIKE $5 FOR UPDATE),
       changed AS (
         UPDATE omissions AS t SET status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = now(), version = t.version + 1, updated_at = now()
           FROM before b WHERE t.id = b.id
         RETURNING t.id, t.scope_path, t.status, t.review_reason, t.reviewed_by, t.version),
       audited AS (
         INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
         SELECT now(), $4, 'update', '${omissionResource.name}', c.id::text,
                jsonb_build_object('status', b.status, 'reviewReason', b."reviewReason", 'reviewedBy', b."reviewedBy", 'version', b.version),
                jsonb_build_object('status', c.status, 'reviewReason', c.review_reason, 'reviewedBy', c.reviewed_by, 'version', c.version),
                c.scope_path
           FROM changed c JOIN before b ON b.id = c.id)
       SELECT count(*)::int AS reviewed FROM changed`,
      [unique, body.decision, reason, user.id, `${user.scopePath}%`],
    );
    return { reviewed, skipped: unique.length - reviewed };
  }

  /** A student's current marks: comparison results that give one, and approved omissions. */
  async marks(studentId: string, user: SessionUser): Promise<StudentMark[]> {
    const student = await this.reader.getOne(studentResource, studentId, user);
    return this.db.query(MARKS_SQL, [student.id]);
  }
}
