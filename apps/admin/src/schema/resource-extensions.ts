import type { FieldSchema } from '@zizhu/schema';
import type { ComponentType, ReactElement } from 'react';
import type { RedirectionSideEffect } from 'react-admin';
import { CHECK_EXTENSIONS } from '../checks/check-extensions';
import { COMPARISON_EXTENSIONS } from '../comparison/comparison-extensions';
import { FUND_EXTENSIONS } from '../funds/fund-extensions';
import { OMISSION_EXTENSIONS } from '../omissions/omission-extensions';
import { PROGRAM_EXTENSIONS } from '../programs/program-extensions';
import type { FormMode } from './field-input';

/**
 * What a domain adds to a generated resource's screens, declared in its own folder and
 * keyed by resource name. Everything else about the resource stays generated from the schema.
 */
export interface ResourceExtension {
  /** Buttons beside the Show view's own (rendered inside the record's context). */
  showActions?: ComponentType;
  /** A panel beside the Show view's fields (a workflow, a status). */
  showAside?: ComponentType;
  /** Panels under the Show view's fields (related records, history). */
  showPanels?: ComponentType;
  /** Panels under the Edit form (what the record carries that the form does not edit). */
  editPanels?: ComponentType;
  /** A field shown differently from its declaration's default (on the record's page and in the list); undefined keeps the default. */
  fieldDisplay?: (field: FieldSchema) => ReactElement | undefined;
  /** A field edited differently from its declaration's default; undefined keeps the default. */
  fieldInput?: (field: FieldSchema, mode: FormMode) => ReactElement | undefined;
  /** Where a created record leads (default: its show page). */
  createRedirect?: RedirectionSideEffect;
}

const EXTENSIONS: Record<string, ResourceExtension> = { ...PROGRAM_EXTENSIONS, ...FUND_EXTENSIONS, ...COMPARISON_EXTENSIONS, ...CHECK_EXTENSIONS, ...OMISSION_EXTENSIONS };

export function resourceExtension(resource: string): ResourceExtension {
  return EXTENSIONS[resource] ?? {};
}
