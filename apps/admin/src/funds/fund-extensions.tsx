import type { ResourceExtension } from '../schema/resource-extensions';
import { BatchActions } from './batch-actions';
import { BatchPanels } from './batch-panels';
import { BATCHES_RESOURCE, DISBURSEMENTS_RESOURCE } from './funds-api';
import { ReissueButton } from './reissue-button';

/** What funds add to the generated screens: on a batch the bank file, the bank result, its lines and whom it left out; re-issue on a line. */
export const FUND_EXTENSIONS: Record<string, ResourceExtension> = {
  [BATCHES_RESOURCE]: { showActions: BatchActions, showPanels: BatchPanels },
  [DISBURSEMENTS_RESOURCE]: { showActions: ReissueButton },
};
