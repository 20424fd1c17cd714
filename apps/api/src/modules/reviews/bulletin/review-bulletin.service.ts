import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { reviewResource } from '@zizhu/plans';
import type { Localized, ReviewBulletinStatus, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../../engine/audit/audit.service';
import { ApiException } from '../../../engine/errors/api.exception';
import type { Locale } from '../../../engine/errors/locale';
import { pdfUnavailable } from '../../../engine/pdf/pdf-errors';
import { missingRequirements, PDF_REQUIREMENTS } from '../../../engine/pdf/pdf-requirements';
import { whereClause } from '../../../engine/rest/list-query';
import { readScope } from '../../../engine/scope/scope';
import { REVIEW_MESSAGES } from '../reviews-messages';
import { ReviewBulletinJob } from './review-bulletin.job';

interface BulletinState {
  kind: string;
  reviewStatus: string;
  scopePath: string;
  status: 'running' | 'done' | 'failed' | null;
  message: Localized | null;
  finishedAt: Date | null;
}

/**
 * The quarterly bulletin (季通报) of an issued review, for the bureaus that read the review
 * (admin, county, inspector; a school reads its own line, not the region's ranking): ask
 * for it (a job, or at once "done" when printed), poll its state, download it. An issued
 * review never changes, so a printed bulletin stays current.
 */
@Injectable()
export class ReviewBulletinService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly job: ReviewBulletinJob,
    private readonly audit: AuditService,
  ) {}

  async request(reviewId: number, user: SessionUser): Promise<ReviewBulletinStatus> {
    printable(await this.state(this.db.manager, reviewId, user));
    const missing = missingRequirements(PDF_REQUIREMENTS);
    if (missing.length) throw pdfUnavailable(missing);
    const outcome = await this.db.transaction(async (manager) => {
      // One request at a time per review decides whether a job is needed.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('review-bulletin'), $1)`, [reviewId]);
      const state = await this.state(manager, reviewId, user);
      if (state.status === 'running' || state.status === 'done') return state.status;
      await manager.query(
        `INSERT INTO review_bulletins (review_id, status, message, file_name, data, requested_by, requested_at, finished_at)
         VALUES ($1, 'running', NULL, NULL, NULL, $2, now(), NULL)
         ON CONFLICT (review_id) DO UPDATE SET status = 'running', message = NULL, file_name = NULL, data = NULL,
           requested_by = EXCLUDED.requested_by, requested_at = EXCLUDED.requested_at, finished_at = NULL`,
        [reviewId, user.id],
      );
      await this.job.send(manager, reviewId);
      return 'queued';
    });
    if (outcome === 'queued') this.job.wake();
    return { status: outcome === 'done' ? 'done' : 'running' };
  }

  async describe(reviewId: number, user: SessionUser, locale: Locale): Promise<ReviewBulletinStatus> {
    const state = await this.state(this.db.manager, reviewId, user);
    if (state.status === 'failed') return { status: 'failed', error: (state.message ?? REVIEW_MESSAGES.bulletinFailed)[locale] };
    if (state.status === 'done') return { status: 'done', generatedAt: state.finishedAt?.toISOString() };
    return { status: state.status };
  }

  /** The printed bulletin (each download audited); 409 before it is printed. */
  async download(reviewId: number, user: SessionUser): Promise<{ name: string; data: Buffer }> {
    return this.db.transaction(async (manager) => {
      const state = printable(await this.state(manager, reviewId, user));
      if (state.status !== 'done') {
        throw new ApiException('NOT_READY', state.status === 'running' ? REVIEW_MESSAGES.bulletinRunning : state.status === 'failed' ? REVIEW_MESSAGES.bulletinFailed : REVIEW_MESSAGES.bulletinNotRequested);
      }
      const [file]: { name: string; data: Buffer }[] = await manager.query(`SELECT file_name AS name, data FROM review_bulletins WHERE review_id = $1`, [reviewId]);
      await this.audit.record(manager, user, {
        action: 'download',
        resource: reviewResource.name,
        recordId: reviewId,
        scopePath: state.scopePath,
        before: null,
        after: { bulletin: file.name },
      });
      return file;
    });
  }

  /** The review (in the reader's scope, else 404) and its bulletin's row. */
  private async state(manager: EntityManager, reviewId: number, user: SessionUser): Promise<BulletinState> {
    const params: unknown[] = [];
    const where = whereClause([{ kind: 'eq', column: 'id', value: reviewId }, ...readScope(reviewResource, user)], params, 'rv');
    const [row]: BulletinState[] = await manager.query(
      `SELECT rv.kind, rv.status AS "reviewStatus", rv.scope_path AS "scopePath", b.status, b.message, b.finished_at AS "finishedAt"
         FROM reviews rv LEFT JOIN review_bulletins b ON b.review_id = rv.id
        WHERE ${where}`,
      params,
    );
    if (!row) throw ApiException.notFound();
    return row;
  }
}

/** Only an issued quarterly review prints (409 otherwise). */
function printable(state: BulletinState): BulletinState {
  if (state.kind !== 'quarterly') throw new ApiException('IN_USE', REVIEW_MESSAGES.bulletinQuarterlyOnly);
  if (state.reviewStatus !== 'issued') throw new ApiException('IN_USE', REVIEW_MESSAGES.bulletinNotIssued);
  return state;
}
