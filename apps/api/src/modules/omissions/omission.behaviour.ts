import { Injectable } from '@nestjs/common';
import { omissionResource } from '@zizhu/identities';
import type { SessionUser } from '@zizhu/schema';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { OmissionReviewDto } from './dtos/omission-review.dto';
import { OMISSION_REVIEWERS, OmissionService } from './omission.service';

/**
 * 补录: an approved omission is settled (an administrator may still correct it); a school's
 * edit of a returned one resubmits it (back to pending, review cleared) in the same UPDATE.
 * The county reviews each one by the `review` action.
 */
@Injectable()
@Behaviour(omissionResource)
export class OmissionBehaviour implements ResourceBehaviour {
  constructor(private readonly omissions: OmissionService) {}

  async validate({ action, existing, user }: RecordWrite): Promise<void> {
    if (action === 'update' && existing?.status === 'approved' && user.role !== 'admin') {
      throw ApiException.validation({ status: { zh: '补录已审核通过，不能修改', en: 'An approved omission cannot be changed' } });
    }
  }

  async serverValues({ action, existing }: RecordWrite): Promise<Record<string, unknown>> {
    return action === 'update' && existing?.status === 'returned' ? { status: 'pending', reviewReason: null, reviewedBy: null, reviewedAt: null } : {};
  }

  @Action({
    name: 'review',
    allow: OMISSION_REVIEWERS,
    body: OmissionReviewDto,
    summary: "The county's review of an omission: { decision: 'approved' | 'returned', reason } (reason required to return)",
  })
  review(id: string, body: OmissionReviewDto, user: SessionUser): Promise<ApiRecord> {
    return this.omissions.review(id, body, user);
  }
}
