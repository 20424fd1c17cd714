import type { SchemaPayload } from '@zizhu/schema';
import { lazy, type ReactElement } from 'react';
import { Resource } from 'react-admin';
import { RecordTitle } from './coded-fields';
import { resourceIcon } from './resource-icon';

// The generated screens (forms, rule editor, displays) load after login, in a chunk of
// their own: the login page does not wait for them. The layout's Suspense shows a spinner.
const ResourceList = lazy(() => import('./resource-views').then((m) => ({ default: m.ResourceList })));
const ResourceShow = lazy(() => import('./resource-views').then((m) => ({ default: m.ResourceShow })));
const ResourceEdit = lazy(() => import('./resource-views').then((m) => ({ default: m.ResourceEdit })));
const ResourceCreate = lazy(() => import('./resource-views').then((m) => ({ default: m.ResourceCreate })));

/** One react-admin Resource per schema resource the user may list; views follow `can`. */
export function schemaResources(payload: SchemaPayload | null | undefined): ReactElement[] {
  return (payload?.resources ?? []).map((resource) => (
    <Resource
      key={resource.name}
      name={resource.name}
      icon={resourceIcon(resource.icon)}
      recordRepresentation={resource.recordTitle?.length ? <RecordTitle schema={resource} /> : resource.recordLabel}
      list={<ResourceList schema={resource} />}
      show={<ResourceShow schema={resource} />}
      edit={resource.can.update ? <ResourceEdit schema={resource} /> : undefined}
      create={resource.can.create ? <ResourceCreate schema={resource} /> : undefined}
    />
  ));
}
