import { auditLogResource, userResource } from '@zizhu/access';
import {
  comparisonExecutionResource,
  comparisonResource,
  comparisonResultResource,
  identityListResource,
  identityResource,
  identityTypeResource,
  omissionResource,
} from '@zizhu/identities';
import { auditRuleResource, checklistTemplateResource, checklistVersionResource, clueActionResource, clueResource, inspectionPlanResource, inspectionResource } from '@zizhu/checks';
import { allocationResource, disbursementBatchResource, disbursementExclusionResource, disbursementResource, fundExceptionNoteResource, refundResource } from '@zizhu/funds';
import { exportJobResource, importResource } from '@zizhu/imports';
import { programResource, rosterActionResource, rosterEntryResource, rosterResource } from '@zizhu/programs';
import { regionResource, schoolResource } from '@zizhu/regions';
import { followUpCampaignResource, followUpResource, letterResource, letterRunResource, letterTemplateResource } from '@zizhu/outreach';
import { dutyOccurrenceResource, dutyResource, reviewResource, reviewRowResource, reviewWeightsResource, workPlanResource } from '@zizhu/plans';
import { FIELD_TYPES, type FieldDeclaration, type FieldEnv, type ResourceDeclaration } from '@zizhu/schema';
import { studentResource } from '@zizhu/students';
import { fileResource } from '../files/file.resource';

/** Every resource the platform serves. Adding one here is all the engine needs. */
export const RESOURCES: readonly ResourceDeclaration[] = [
  regionResource,
  schoolResource,
  studentResource,
  userResource,
  auditLogResource,
  importResource,
  exportJobResource,
  identityTypeResource,
  identityListResource,
  identityResource,
  comparisonResource,
  comparisonResultResource,
  comparisonExecutionResource,
  omissionResource,
  fileResource,
  programResource,
  rosterResource,
  rosterEntryResource,
  rosterActionResource,
  allocationResource,
  disbursementBatchResource,
  disbursementResource,
  disbursementExclusionResource,
  refundResource,
  fundExceptionNoteResource,
  clueResource,
  clueActionResource,
  checklistTemplateResource,
  checklistVersionResource,
  auditRuleResource,
  inspectionPlanResource,
  inspectionResource,
  letterTemplateResource,
  letterResource,
  letterRunResource,
  followUpCampaignResource,
  followUpResource,
  workPlanResource,
  dutyResource,
  dutyOccurrenceResource,
  reviewWeightsResource,
  reviewResource,
  reviewRowResource,
];

const byName = new Map(RESOURCES.map((r) => [r.name, r]));

/** Relation filters name other resources and their fields by string: check them at start. */
for (const resource of RESOURCES) {
  for (const [key, relation] of Object.entries(resource.relationFilters ?? {})) {
    for (const source of relation.sources) {
      const target = byName.get(source.resource);
      const fields = [source.via, source.match, ...Object.keys(source.where ?? {})];
      if (!target || fields.some((f) => !target.fields[f]) || !byName.has(relation.reference)) {
        throw new Error(`${resource.name}.${key}: relation filter names an unknown resource or field`);
      }
    }
  }
  const overdue = resource.overdue;
  if (overdue && (resource.fields[overdue.dueField]?.type !== 'date' || resource.fields[overdue.statusField]?.type !== 'enum')) {
    throw new Error(`${resource.name}: overdue names an unknown date or status field`);
  }
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.filter && !FIELD_TYPES[field.type].filter?.kinds.includes(field.filter)) {
      throw new Error(`${resource.name}.${key}: a ${field.type} field cannot be a ${field.filter} filter`);
    }
    const shape = field.shape;
    if (shape?.kind === 'values' && !byName.get(resource.fields[shape.via]?.reference ?? '')?.fields[shape.field]) {
      throw new Error(`${resource.name}.${key}: the values shape names an unknown reference or definitions field`);
    }
  }
  // Reference agreements name fields by string too (`rosterId.schoolId`).
  for (const [key, field] of Object.entries(resource.fields)) {
    const rule = field.agreesWith;
    if (!rule) continue;
    const target = byName.get(field.reference ?? '');
    const referenced = (name: string) => byName.get(resource.fields[name]?.reference ?? '');
    let known: boolean;
    if ('covers' in rule) {
      known = !!target && !!referenced(rule.covers);
    } else {
      const [head, through] = rule.equals.split('.');
      known = !!target?.fields[rule.field] && !!resource.fields[head] && (!through || !!referenced(head)?.fields[through]);
    }
    if (!known) throw new Error(`${resource.name}.${key}: agreesWith names an unknown resource or field`);
  }
}

export function findResource(name: string): ResourceDeclaration | undefined {
  return byName.get(name);
}

export function requireResource(name: string): ResourceDeclaration {
  const found = byName.get(name);
  if (!found) throw new Error(`Unknown resource ${name}`);
  return found;
}

export function fieldEntries(resource: ResourceDeclaration): [string, FieldDeclaration][] {
  return Object.entries(resource.fields);
}

/** The column type a reference field needs: that of the target's id. */
export function referenceIdType(field: FieldDeclaration): 'integer' | 'code' {
  return requireResource(field.reference ?? '').idType;
}

/** What field types need to know of the declarations around them. */
export const FIELD_ENV: FieldEnv = { referenceIdType };
