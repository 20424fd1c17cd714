import type { FieldSchema, ResourceSchema } from '@zizhu/schema';
import type { ComponentType, ReactElement } from 'react';
import type { Identifier, RedirectionSideEffect } from 'react-admin';
import type { FormMode } from './field-input';

/**
 * What a domain adds to a generated resource's screens, declared in its own folder and
 * keyed by resource name. Everything else about the resource stays generated from the schema.
 * Features register theirs from the composition root (`features.ts`): this folder imports none.
 */
export interface ResourceExtension {
  /** Buttons beside the Show view's own (rendered inside the record's context). */
  showActions?: ComponentType<{ schema: ResourceSchema }>;
  /** A panel beside the Show view's fields (a workflow, a status). */
  showAside?: ComponentType;
  /** Panels under the Show view's fields (related records, history). */
  showPanels?: ComponentType;
  /** Buttons of the Edit view (react-admin's default ones otherwise). */
  editActions?: ComponentType;
  /** Panels under the Edit form (what the record carries that the form does not edit). */
  editPanels?: ComponentType;
  /** Bulk actions of the list for this user, beside delete; undefined: none. */
  bulkActions?: (schema: ResourceSchema, role: string | undefined) => ReactElement | undefined;
  /** Where a row of the list leads, instead of the record's show or edit page. */
  rowClick?: (id: Identifier) => string;
  /** A field shown differently from its declaration's default (on the record's page and in the list); undefined keeps the default. */
  fieldDisplay?: (field: FieldSchema) => ReactElement | undefined;
  /** A field edited differently from its declaration's default; undefined keeps the default. */
  fieldInput?: (field: FieldSchema, mode: FormMode) => ReactElement | undefined;
  /** Where a created record leads (default: its show page). */
  createRedirect?: RedirectionSideEffect;
}

/** A button on every generated list's toolbar (import, export), rendered in the list's context. */
export type ListAction = ComponentType<{ schema: ResourceSchema }>;

const extensions: Record<string, ResourceExtension> = {};
const listActions: ListAction[] = [];

/** Adds a feature's extensions; two features may not extend the same resource. */
export function registerResourceExtensions(added: Record<string, ResourceExtension>): void {
  for (const [resource, extension] of Object.entries(added)) {
    if (extensions[resource] && extensions[resource] !== extension) throw new Error(`Resource ${resource} is extended twice`);
    extensions[resource] = extension;
  }
}

/** Adds buttons to every generated list, after filter and create, in the order registered. */
export function registerListActions(...added: ListAction[]): void {
  listActions.push(...added);
}

export function resourceExtension(resource: string): ResourceExtension {
  return extensions[resource] ?? {};
}

export function registeredListActions(): readonly ListAction[] {
  return listActions;
}
