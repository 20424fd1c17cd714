import type { ResourceExtension } from '../schema/resource-extensions';
import { OMISSIONS_RESOURCE } from './omission-api';
import { OmissionReviewActions } from './omission-review-buttons';

/** What omissions add to the generated screens: the county's 通过 / 退回 on a pending omission's page. */
export const OMISSION_EXTENSIONS: Record<string, ResourceExtension> = {
  [OMISSIONS_RESOURCE]: { showActions: OmissionReviewActions },
};
