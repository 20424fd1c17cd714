import type { ResourceExtension } from '../schema/resource-extensions';
import { mayReview, OMISSIONS_RESOURCE } from './omission-api';
import { OmissionBulkReview, OmissionReviewActions } from './omission-review-buttons';

/**
 * What omissions add to the generated screens: the county's 通过 / 退回 on a pending
 * omission's page, and in bulk on the list (the county reviews omissions without editing them).
 */
export const OMISSION_EXTENSIONS: Record<string, ResourceExtension> = {
  [OMISSIONS_RESOURCE]: {
    showActions: OmissionReviewActions,
    bulkActions: (_schema, role) => (mayReview(role) ? <OmissionBulkReview /> : undefined),
  },
};
