import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ReviewKind, reviewAsOf, reviewPeriod, reviewResource } from '@zizhu/plans';
import type { SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { inScope, readScope } from '../../engine/scope/scope';
import { sqlOf } from '../plans/occurrences/occurrence-sql';
import { PlansClock } from '../plans/plans-clock';
import { computeReview, issueReview } from './compute/review-computation';
import { REVIEW_MESSAGES } from './reviews-messages';

type Row = Record<string, unknown>;

/**
 * Computing and issuing a review, each in one transaction on the locked review: a draft is
 * computed from the data as often as wanted; issuing freezes it. Both are the planners'
 * (admin, county) within their own region; readers from below get 403.
 */
@Injectable()
export class ReviewWorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
    private readonly clock: PlansClock,
  ) {}

  async compute(id: string, user: SessionUser): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const review = await this.lockedDraft(manager, id, user);
      const period = reviewPeriod(review.kind as ReviewKind, Number(review.year), Number(review.kind === 'monthly' ? review.month : review.quarter));
      const [region]: { path: string }[] = await manager.query(`SELECT scope_path AS path FROM regions WHERE id = $1`, [review.regionId]);
      const asOf = reviewAsOf(period, this.clock.today());
      const computed = await computeReview(
        sqlOf(manager),
        { id: Number(review.id), planId: Number(review.planId), regionPath: region.path, periodStart: period.start },
        { asOf, computedBy: user.id, at: this.clock.now() },
      );
      await this.record(manager, user, review, { action: 'compute', asOf, ...computed });
    });
    return this.reader.getOne(reviewResource, id, user);
  }

  async issue(id: string, user: SessionUser): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const review = await this.lockedDraft(manager, id, user);
      if (!review.computedAt) throw new ApiException('IN_USE', REVIEW_MESSAGES.notComputed);
      await issueReview(sqlOf(manager), Number(review.id), user.id, this.clock.now());
      await this.record(manager, user, review, { action: 'issue', status: 'issued' });
    });
    return this.reader.getOne(reviewResource, id, user);
  }

  /** The review, locked: 404 out of the reader's sight, 403 when only read from below, 409 once issued. */
  private async lockedDraft(manager: EntityManager, id: string, user: SessionUser): Promise<Row> {
    const review = await this.reader.findRow(manager, reviewResource, id, readScope(reviewResource, user), true);
    if (!review) throw ApiException.notFound();
    if (!inScope(review.scopePath as string, user)) throw ApiException.outOfScope();
    if (review.status !== 'draft') throw new ApiException('IN_USE', REVIEW_MESSAGES.issuedNoChange);
    return review;
  }

  private record(manager: EntityManager, user: SessionUser, review: Row, change: Row): Promise<void> {
    const before = auditSnapshot(reviewResource, review);
    return this.audit.record(manager, user, {
      action: 'update',
      resource: reviewResource.name,
      recordId: review.id as number,
      scopePath: review.scopePath as string,
      before,
      after: { ...before, ...change },
    });
  }
}
