import { Module } from '@nestjs/common';
import { actionController } from '../../../engine/rest/action.controller';
import { OutreachCoverageController } from './outreach-coverage/outreach-coverage.controller';
import { OutreachCoverageService } from './outreach-coverage/outreach-coverage.service';
import { FollowUpCampaignBehaviour } from './follow-up-campaign.behaviour';
import { FollowUpCampaignService } from './follow-up-campaign.service';
import { FollowUpBehaviour } from './follow-up.behaviour';

/** 电话回访、大走访: follow-up campaigns sampling recipients, their calls and visits, and coverage per school and region. */
@Module({
  controllers: [actionController(FollowUpCampaignBehaviour), OutreachCoverageController],
  providers: [FollowUpCampaignService, FollowUpCampaignBehaviour, FollowUpBehaviour, OutreachCoverageService],
})
export class FollowUpsModule {}
