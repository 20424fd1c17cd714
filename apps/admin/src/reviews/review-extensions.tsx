import type { ResourceExtension } from '../schema/resource-extensions';
import { REVIEW_ROWS_RESOURCE, REVIEWS_RESOURCE } from './review-api';
import { ReviewActions } from './review-actions';
import { RowFiguresField, RowShortfallsField } from './review-row-fields';
import { ReviewRankingPanel } from './review-ranking-panel';

/** What 月点评 / 季通报 add to the generated screens: compute, issue and the bulletin on a review, its chart and ranking under it; a row's figures readable. */
export const REVIEW_EXTENSIONS: Record<string, ResourceExtension> = {
  [REVIEWS_RESOURCE]: { showActions: ReviewActions, showPanels: ReviewRankingPanel },
  [REVIEW_ROWS_RESOURCE]: {
    fieldDisplay: (field) => {
      if (field.key === 'figures') return <RowFiguresField />;
      if (field.key === 'missedDuties' || field.key === 'weakIndicators') return <RowShortfallsField only={field.key} />;
      return undefined;
    },
  },
};
