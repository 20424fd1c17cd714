import type { ResourceExtension } from '../schema/resource-extensions';
import { BankResultButton } from './bank-result-button';
import { BATCHES_RESOURCE, DISBURSEMENTS_RESOURCE } from './funds-api';
import { ReissueButton } from './reissue-button';

/** What funds add to the generated screens: the bank result on a batch, re-issue on a line. */
export const FUND_EXTENSIONS: Record<string, ResourceExtension> = {
  [BATCHES_RESOURCE]: { showActions: BankResultButton },
  [DISBURSEMENTS_RESOURCE]: { showActions: ReissueButton },
};
