import type { SchemaPayload } from '@zizhu/schema';
import type { ReactElement } from 'react';
import { Resource } from 'react-admin';
import { RecordTitle } from './coded-fields';
import { resourceIcon } from './resource-icon';
import { ResourceCreate, ResourceEdit, ResourceList, ResourceShow } from './resource-views';

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
