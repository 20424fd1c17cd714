import { Injectable } from '@nestjs/common';
import { followUpCampaignResource } from '@zizhu/outreach';
import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../../engine/errors/api.exception';
import type { ApiRecord } from '../../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordWrite, type ResourceBehaviour } from '../../../engine/rest/resource-behaviour';
import { FollowUpCampaignService } from './follow-up-campaign.service';
import { FOLLOW_UP_MESSAGES as M } from './follow-up-messages';

type Row = Record<string, unknown>;

/**
 * 回访活动: a draft is edited freely and deleted; 抽样 makes its follow-ups (after which the
 * number per school stays as drawn and the campaign is closed, never deleted); a closed
 * campaign takes no change.
 */
@Injectable()
@Behaviour(followUpCampaignResource)
export class FollowUpCampaignBehaviour implements ResourceBehaviour {
  constructor(private readonly campaigns: FollowUpCampaignService) {}

  async validate({ action, values, existing }: RecordWrite): Promise<void> {
    if (action !== 'update' || !existing) return;
    if (existing.status === 'closed') throw new ApiException('IN_USE', M.closedCampaign);
    if (existing.status === 'drawn' && 'samplePerSchool' in values) throw ApiException.validation({ samplePerSchool: M.sampleFrozen });
  }

  async serverValues({ action }: RecordWrite): Promise<Row> {
    return action === 'create' ? { status: 'draft' } : {};
  }

  async beforeDelete(existing: Row, _manager: EntityManager): Promise<void> {
    if (existing.status !== 'draft') throw new ApiException('IN_USE', M.deleteAfterDraw);
  }

  @Action({
    name: 'draw',
    allow: ['admin', 'county'],
    summary:
      '抽样 (draft → drawn): up to samplePerSchool recipients paid in the term, at random, from each school of the region become pending follow-ups with what they were paid frozen → the campaign and `drawn` (how many); 409 once drawn',
  })
  draw(id: string, _body: object, user: SessionUser): Promise<ApiRecord & { drawn: number }> {
    return this.campaigns.draw(id, user);
  }

  @Action({ name: 'close', allow: ['admin', 'county'], summary: '结束 (drawn → closed): its follow-ups are no longer recorded → the campaign; 409 unless drawn' })
  close(id: string, _body: object, user: SessionUser): Promise<ApiRecord> {
    return this.campaigns.close(id, user);
  }
}
