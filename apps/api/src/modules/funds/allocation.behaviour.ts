import { Injectable } from '@nestjs/common';
import { allocationResource } from '@zizhu/funds';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { FUND_MESSAGES } from './fund-messages';

/**
 * 资金下达: one rule the declaration cannot state — a school given must lie in the region
 * given (reconciliation counts it under the school's county).
 */
@Injectable()
@Behaviour(allocationResource)
export class AllocationBehaviour implements ResourceBehaviour {
  async validate({ values, existing, manager }: RecordWrite): Promise<void> {
    const merged = { ...existing, ...values };
    await schoolInRegion(manager, merged.schoolId, merged.regionId);
  }
}

async function schoolInRegion(manager: EntityManager, schoolId: unknown, regionId: unknown): Promise<void> {
  if (schoolId == null || schoolId === '' || regionId == null || regionId === '') return;
  const [row] = await manager.query(
    `SELECT s.scope_path LIKE r.scope_path || '%' AS inside FROM schools s, regions r WHERE s.id = $1 AND r.id = $2`,
    [Number(schoolId), String(regionId)],
  );
  // A school or region that does not exist is reported by the writer's own reference check.
  if (row && !row.inside) throw ApiException.validation({ schoolId: FUND_MESSAGES.schoolOutsideRegion });
}
