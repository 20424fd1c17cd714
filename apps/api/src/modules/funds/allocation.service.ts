import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { allocationResource } from '@zizhu/funds';
import type { SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { FUND_MESSAGES } from './fund-messages';

type Row = Record<string, unknown>;

/**
 * 资金下达 by form: the generic create and update, plus one rule the declaration cannot
 * state — a school given must lie in the region given (reconciliation counts it under the
 * school's county).
 */
@Injectable()
export class AllocationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
  ) {}

  create(body: Row, user: SessionUser): Promise<ApiRecord> {
    if (!allocationResource.access.create.includes(user.role)) throw ApiException.forbidden();
    return this.writer.create(allocationResource, body, user, async (values, manager) => {
      await schoolInRegion(manager, values.schoolId, values.regionId);
      return {};
    });
  }

  async update(id: string, body: Row, user: SessionUser): Promise<ApiRecord> {
    if (!allocationResource.access.update.includes(user.role)) throw ApiException.forbidden();
    const existing = await this.reader.getOne(allocationResource, id, user);
    const merged = { ...existing, ...body };
    await schoolInRegion(this.db.manager, merged.schoolId, merged.regionId);
    return this.writer.update(allocationResource, id, body, user);
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
