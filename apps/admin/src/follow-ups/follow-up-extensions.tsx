import type { ResourceExtension } from '../schema/resource-extensions';
import { CampaignActions } from './campaign-actions';
import { CampaignFollowUpsPanel } from './campaign-follow-ups-panel';
import { CAMPAIGNS_RESOURCE, FOLLOW_UPS_RESOURCE, recordPath } from './follow-up-api';
import { RecordFollowUpButton } from './record-follow-up-button';

/** What follow-ups add to the generated screens: 抽样 / 结束 and the families on a campaign; a follow-up opens its record form. */
export const FOLLOW_UP_EXTENSIONS: Record<string, ResourceExtension> = {
  [CAMPAIGNS_RESOURCE]: { showActions: CampaignActions, showPanels: CampaignFollowUpsPanel },
  [FOLLOW_UPS_RESOURCE]: { showActions: RecordFollowUpButton, rowClick: recordPath },
};
