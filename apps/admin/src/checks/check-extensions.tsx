import { useRecordContext } from 'react-admin';
import type { ResourceExtension } from '../schema/resource-extensions';
import { AUDIT_RULES_RESOURCE } from './audit-rule-api';
import { AuditRuleRunButton } from './audit-rule-run-button';
import { CHECKLIST_TEMPLATES_RESOURCE, CHECKLIST_VERSIONS_RESOURCE } from './checklist-api';
import { ChecklistDefinitionInput, ChecklistDefinitionView } from './checklist-definition-input';
import { ChecklistTemplateActions, ChecklistTemplateVersions } from './checklist-template-actions';
import { ChecklistVersionActions } from './checklist-version-actions';
import { CLUES_RESOURCE } from './clue-api';
import { ClueWorkflowPanel } from './clue-workflow-panel';
import { OverdueFlag } from './overdue-flag';

/** What checks add to the generated screens: the clue's workflow under it, overdue as a red flag; 立即运行 on an audit rule; a template's versions and 新建版本; a version's designer. */
export const CHECK_EXTENSIONS: Record<string, ResourceExtension> = {
  [CLUES_RESOURCE]: {
    showPanels: ClueWorkflowPanel,
    editPanels: ClueWorkflowPanel,
    fieldDisplay: (field) => (field.key === 'overdue' ? <OverdueFlag source={field.key} sortable={false} /> : undefined),
  },
  [AUDIT_RULES_RESOURCE]: { showActions: AuditRuleRunButton },
  [CHECKLIST_TEMPLATES_RESOURCE]: { showActions: ChecklistTemplateActions, showPanels: ChecklistTemplateVersions },
  [CHECKLIST_VERSIONS_RESOURCE]: {
    showActions: ChecklistVersionActions,
    fieldInput: (field) => (field.key === 'definition' ? <ChecklistDefinitionInput /> : undefined),
    fieldDisplay: (field) => (field.key === 'definition' ? <DefinitionField /> : undefined),
  },
};

/** The definition on the version's page: sections and items, read-only. */
function DefinitionField() {
  const record = useRecordContext();
  return <ChecklistDefinitionView definition={record?.definition} />;
}
