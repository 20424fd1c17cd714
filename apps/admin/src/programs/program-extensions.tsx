import type { ResourceExtension } from '../schema/resource-extensions';
import { ROSTER_ENTRIES_RESOURCE, ROSTERS_RESOURCE } from './roster-api';
import { RosterActionsBar } from './roster-actions-bar';
import { RosterPanels } from './roster-panels';
import { RosterWorkflowPanel } from './roster-workflow-panel';
import { TierInput } from './tier-input';

/** What aid programs add to the generated screens of their resources. */
export const PROGRAM_EXTENSIONS: Record<string, ResourceExtension> = {
  [ROSTERS_RESOURCE]: {
    showActions: RosterActionsBar,
    showAside: RosterWorkflowPanel,
    showPanels: RosterPanels,
  },
  [ROSTER_ENTRIES_RESOURCE]: {
    fieldInput: (field, mode) => (field.key === 'tier' ? <TierInput field={field} mode={mode} /> : undefined),
    // Back to the roster the application was added to.
    createRedirect: (_resource, _id, data) => (data?.rosterId !== undefined ? `/${ROSTERS_RESOURCE}/${String(data.rosterId)}/show` : `/${ROSTER_ENTRIES_RESOURCE}`),
  },
};
