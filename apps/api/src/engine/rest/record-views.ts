import type { ResourceDeclaration, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import type { ApiRecord } from './record-presenter';

/**
 * A module's last word on records of its resource as one reader receives them, applied to
 * every read (list, get one, export) after presenting: figures a record carries that depend
 * on who reads it (a city-wide run's counts, for a county: the county's own). It changes
 * values in place, one call per page or batch; it never changes which records are read.
 */
export type RecordView = (manager: EntityManager, records: ApiRecord[], user: SessionUser) => Promise<void>;

const views = new Map<string, RecordView>();

export function registerRecordView(resource: string, view: RecordView): void {
  views.set(resource, view);
}

export async function applyRecordView(manager: EntityManager, resource: ResourceDeclaration, records: ApiRecord[], user: SessionUser): Promise<void> {
  const view = views.get(resource.name);
  if (view && records.length) await view(manager, records, user);
}
