import type { ResourceExtension } from '../schema/resource-extensions';
import { BulkConfirmButton, COMPARISON_RESULTS_RESOURCE } from './bulk-confirm-button';
import { ComparisonEditActions, ComparisonShowActions } from './comparison-actions';
import { ComparisonHistoryPanel } from './comparison-history-panel';
import { COMPARISONS_RESOURCE } from './progress-api';
import { StudentMarksPanel } from './student-marks-panel';
import { STUDENTS_RESOURCE } from './student-marks-api';

/** What the comparison domain adds to other resources' generated screens. */
export const COMPARISON_EXTENSIONS: Record<string, ResourceExtension> = {
  // A student's record shows their special-identity marks and where each came from.
  [STUDENTS_RESOURCE]: { showPanels: StudentMarksPanel, editPanels: StudentMarksPanel },
  // A run's page lists its executions: who ran it, when, what it found and changed.
  [COMPARISONS_RESOURCE]: {
    showActions: ComparisonShowActions,
    editActions: ComparisonEditActions,
    showPanels: ComparisonHistoryPanel,
    editPanels: ComparisonHistoryPanel,
  },
  // Schools confirm their exact matches in bulk.
  [COMPARISON_RESULTS_RESOURCE]: { bulkActions: (schema) => (schema.can.update ? <BulkConfirmButton /> : undefined) },
};
