import type { FieldSchema } from '@zizhu/schema';
import type { ReactElement } from 'react';
import type { ResourceExtension } from '../schema/resource-extensions';
import { INSPECTION_PLANS_RESOURCE, INSPECTIONS_RESOURCE, showPath } from './inspection-api';
import { InspectionActions } from './inspection-actions';
import { InspectionFindings } from './inspection-findings';
import { AnswersSummary, DataValuesField, SamplesField } from './inspection-record-fields';
import { InspectionStatusField } from './inspection-status-field';
import { PlanActions } from './plan-actions';
import { PlanInspectionsPanel } from './plan-inspections-panel';
import { ScoreBreakdown } from './score-breakdown';
import { ScoreField } from './score-field';

/** An inspection's fields shown their own way: status with the fill button, the score, and its JSON columns read as text. */
function inspectionField(field: FieldSchema): ReactElement | undefined {
  switch (field.key) {
    case 'status':
      return <InspectionStatusField field={field} source={field.key} sortable={field.sort} />;
    case 'score':
      return <ScoreField field={field} source={field.key} sortable={field.sort} />;
    case 'result':
      return <ScoreBreakdown source={field.key} />;
    case 'answers':
      return <AnswersSummary source={field.key} />;
    case 'dataValues':
      return <DataValuesField source={field.key} />;
    case 'samples':
      return <SamplesField source={field.key} />;
    default:
      return undefined;
  }
}

/**
 * What inspections add to the generated screens: a plan's publish/close and its schools; an
 * inspection's fill, report and reopen buttons, its score by item (beside the self-inspection
 * for a verification) and its findings. The fill page is a route of its own (inspection-routes).
 */
export const INSPECTION_EXTENSIONS: Record<string, ResourceExtension> = {
  // Both open on their page (their work is there; 编辑 is one click further for the planning fields).
  [INSPECTION_PLANS_RESOURCE]: {
    rowClick: (id) => showPath(INSPECTION_PLANS_RESOURCE, id),
    showActions: PlanActions,
    showPanels: PlanInspectionsPanel,
  },
  [INSPECTIONS_RESOURCE]: {
    rowClick: (id) => showPath(INSPECTIONS_RESOURCE, id),
    showActions: InspectionActions,
    showPanels: InspectionFindings,
    fieldDisplay: inspectionField,
    // Added from a plan's page: back to the plan with its new school.
    createRedirect: (_resource, id, data) => (data?.planId !== undefined ? showPath(INSPECTION_PLANS_RESOURCE, data.planId as string | number) : showPath(INSPECTIONS_RESOURCE, id ?? '')),
  },
};
