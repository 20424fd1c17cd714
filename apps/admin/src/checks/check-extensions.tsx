import type { ResourceExtension } from '../schema/resource-extensions';
import { AUDIT_RULES_RESOURCE } from './audit-rule-api';
import { AuditRuleRunButton } from './audit-rule-run-button';
import { CLUES_RESOURCE } from './clue-api';
import { ClueWorkflowPanel } from './clue-workflow-panel';
import { OverdueFlag } from './overdue-flag';

/** What checks add to the generated screens: the clue's workflow under it, overdue as a red flag; 立即运行 on an audit rule. */
export const CHECK_EXTENSIONS: Record<string, ResourceExtension> = {
  [CLUES_RESOURCE]: {
    showPanels: ClueWorkflowPanel,
    editPanels: ClueWorkflowPanel,
    fieldDisplay: (field) => (field.key === 'overdue' ? <OverdueFlag source={field.key} sortable={false} /> : undefined),
  },
  [AUDIT_RULES_RESOURCE]: { showActions: AuditRuleRunButton },
};
