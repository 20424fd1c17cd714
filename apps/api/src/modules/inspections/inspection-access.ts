import { inspectionResource } from '@zizhu/checks';
import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ResourceReader } from '../../engine/rest/resource-reader.service';
import { lockForAction } from './tracked-update';

type Row = Record<string, unknown>;

/** Who fills an inspection in: inspectors, county officers and administrators; the school itself only for a self-inspection. */
export const FILLED_BY = ['admin', 'county', 'inspector', 'school'] as const;

/**
 * The inspection an action works on, locked: 404 outside the user's region (a school sees
 * its own only), 403 for a school acting on an inspection that is not its self-inspection.
 */
export async function lockInspection(manager: EntityManager, reader: ResourceReader, id: string, user: SessionUser): Promise<Row> {
  const inspection = await lockForAction(manager, reader, inspectionResource, id, user);
  if (user.role === 'school' && inspection.mode !== 'self') throw ApiException.forbidden();
  return inspection;
}
