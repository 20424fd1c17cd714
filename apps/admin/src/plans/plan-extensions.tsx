import type { ResourceExtension } from '../schema/resource-extensions';
import { AppliesToInput } from './applies-to-input';
import { CompletionRuleInput } from './completion-rule-input';
import { AppliesToField, RecurrenceField } from './duty-fields';
import { OccurrenceStatusChip } from './occurrence-status-chip';
import { OccurrenceWorkflowPanel } from './occurrence-workflow-panel';
import { PlanActions } from './plan-actions';
import { PlanPanels } from './plan-duties-panel';
import { DUTIES_RESOURCE, OCCURRENCES_RESOURCE, WORK_PLANS_RESOURCE } from './plans-api';
import { RecurrenceInput } from './recurrence-input';

/**
 * What work plans add to the generated screens: 发布 / 导入计划表 and the duties with the
 * completion table on a plan's page; the recurrence picker, the completion rule from the
 * API's catalogue and the stages filter in a duty's form; the status as a coloured chip and
 * the submit / review steps on an occurrence's page.
 */
export const PLAN_EXTENSIONS: Record<string, ResourceExtension> = {
  [WORK_PLANS_RESOURCE]: { showActions: PlanActions, showPanels: PlanPanels },
  [DUTIES_RESOURCE]: {
    fieldInput: (field) => {
      if (field.key === 'recurrence') return <RecurrenceInput source={field.key} required={field.required} />;
      if (field.key === 'completionRule') return <CompletionRuleInput source={field.key} />;
      if (field.key === 'appliesTo') return <AppliesToInput source={field.key} />;
      return undefined;
    },
    fieldDisplay: (field) => {
      if (field.key === 'recurrence') return <RecurrenceField source={field.key} />;
      if (field.key === 'appliesTo') return <AppliesToField source={field.key} />;
      return undefined;
    },
  },
  [OCCURRENCES_RESOURCE]: {
    showPanels: OccurrenceWorkflowPanel,
    fieldDisplay: (field) => (field.key === 'status' ? <OccurrenceStatusChip source={field.key} /> : undefined),
  },
};
