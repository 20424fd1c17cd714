import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { followUpCampaignResource } from '@zizhu/outreach';
import type { Localized, SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../../engine/audit/audit.service';
import { ApiException } from '../../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot, selectList } from '../../../engine/rest/record-presenter';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { inReadScope, inScope } from '../../../engine/scope/scope';
import { DRAW_SQL } from './follow-up-draw.sql';
import { FOLLOW_UP_MESSAGES as M } from './follow-up-messages';

type Row = Record<string, unknown>;

type CampaignStatus = 'draft' | 'drawn' | 'closed';

/** Why a campaign in this status cannot take the step. */
const REFUSALS: Record<'draw' | 'close', Partial<Record<CampaignStatus, Localized>>> = {
  draw: { drawn: M.alreadyDrawn, closed: M.closedCampaign },
  close: { draft: M.notDrawn, closed: M.closedCampaign },
};

/** 抽样 (draft → drawn: the follow-ups made in one statement) and 结束 (drawn → closed) of a campaign. */
@Injectable()
export class FollowUpCampaignService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  /** Draws the campaign's families; refused once drawn (409) and when nobody was paid (422). */
  async draw(id: string, user: SessionUser): Promise<ApiRecord & { drawn: number }> {
    let drawn = 0;
    await this.move(id, user, 'draw', 'drawn', async (manager, campaign) => {
      drawn = (await manager.query(DRAW_SQL, [campaign.id])).length;
      if (!drawn) throw ApiException.validation({ term: M.nobodyPaid });
    });
    return { ...(await this.reader.getOne(followUpCampaignResource, id, user)), drawn };
  }

  /** Ends the campaign: its follow-ups are no longer recorded. */
  async close(id: string, user: SessionUser): Promise<ApiRecord> {
    await this.move(id, user, 'close', 'closed', async () => undefined);
    return this.reader.getOne(followUpCampaignResource, id, user);
  }

  private async move(id: string, user: SessionUser, step: 'draw' | 'close', to: CampaignStatus, work: (manager: EntityManager, campaign: Row) => Promise<void>): Promise<void> {
    await this.db.transaction(async (manager) => {
      const campaign = await this.reader.findRow(manager, followUpCampaignResource, id, [], true);
      if (!campaign || !inReadScope(followUpCampaignResource, campaign.scopePath as string, user)) throw ApiException.notFound();
      if (!inScope(campaign.scopePath as string, user)) throw ApiException.outOfScope();
      const refusal = REFUSALS[step][(campaign.status ?? 'draft') as CampaignStatus];
      if (refusal) throw new ApiException('IN_USE', refusal);
      await work(manager, campaign);
      const [[row]] = await manager.query(
        `UPDATE follow_up_campaigns AS t SET status = $2, version = t.version + 1, updated_at = now() WHERE t.id = $1 RETURNING ${selectList(followUpCampaignResource)}`,
        [campaign.id, to],
      );
      await this.audit.record(manager, user, {
        action: 'update',
        resource: followUpCampaignResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: auditSnapshot(followUpCampaignResource, campaign),
        after: auditSnapshot(followUpCampaignResource, row),
      });
    });
  }
}
