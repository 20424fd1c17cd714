import type { ResourceExtension } from '../schema/resource-extensions';
import { CLUES_RESOURCE } from './clue-api';
import { ClueWorkflowPanel } from './clue-workflow-panel';
import { OverdueFlag } from './overdue-flag';

/** What checks add to the generated screens: the clue's workflow under it, overdue as a red flag. */
export const CHECK_EXTENSIONS: Record<string, ResourceExtension> = {
  [CLUES_RESOURCE]: {
    showPanels: ClueWorkflowPanel,
    editPanels: ClueWorkflowPanel,
    fieldDisplay: (field) => (field.key === 'overdue' ? <OverdueFlag source={field.key} sortable={false} /> : undefined),
  },
};
