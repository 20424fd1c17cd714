import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inspectionResource } from '@zizhu/checks';
import { chinaDate } from '@zizhu/identities';
import { type ChecklistDefinition, checklistItems, type FrozenDataValue, type InspectionAnswers, type SessionUser } from '@zizhu/schema';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import type { DataItemContext } from '../checks/data-items/data-item';
import { findDataItem } from '../checks/data-items/data-item-catalogue';
import { lockInspection } from './inspection-access';
import { INSPECTION_MESSAGES } from './inspection-messages';
import { drawSamples } from './inspection-sampler';
import { trackedUpdate } from './tracked-update';

type Row = Record<string, unknown>;

const NO_ANSWERS: Required<InspectionAnswers> = { values: {}, notApplicable: [], dataChecks: {}, sampleAnswers: {}, evidence: {}, remarks: {} };

/**
 * Starting an inspection (planned → started, on a published plan): each data item of the
 * version is computed for the school as of today in China and frozen; each sample item
 * draws its students; a verification links the school's latest submitted self-inspection
 * on the same version. One transaction, audited.
 */
@Injectable()
export class InspectionStartService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  async start(id: string, user: SessionUser): Promise<ApiRecord> {
    await this.db.transaction(async (manager) => {
      const inspection = await lockInspection(manager, this.reader, id, user);
      if (inspection.status !== 'planned') throw new ApiException('IN_USE', INSPECTION_MESSAGES.alreadyStarted);
      const [plan] = await manager.query(`SELECT status FROM inspection_plans WHERE id = $1 FOR SHARE`, [inspection.planId]);
      if (plan.status === 'draft') throw new ApiException('IN_USE', INSPECTION_MESSAGES.planNotYetPublished);
      if (plan.status === 'closed') throw new ApiException('IN_USE', INSPECTION_MESSAGES.planEnded);
      const written = await startedValues(manager, inspection, { today: chinaDate(new Date()), at: new Date(), seed: randomUUID() });
      await trackedUpdate(manager, this.audit, inspectionResource, inspection, written, user, { action: 'start' });
    });
    return this.reader.getOne(inspectionResource, id, user);
  }
}

/**
 * What starting writes: the data items computed for the school as of `today` and frozen, the
 * samples drawn (`seed` makes the draw repeatable), a verification's self-inspection.
 */
export async function startedValues(manager: EntityManager, inspection: Row, at: { today: string; at: Date; seed: string }): Promise<Row> {
  const [version] = await manager.query(`SELECT definition FROM checklist_versions WHERE id = $1`, [inspection.versionId]);
  const definition = version.definition as ChecklistDefinition;
  const school = { id: Number(inspection.schoolId), scopePath: String(inspection.scopePath) };
  const sampleItems = checklistItems(definition).flatMap(({ item }) => (item.sample ? [{ key: item.key, size: item.sample.size }] : []));
  const written: Row = {
    status: 'started',
    startedAt: at.at,
    answers: NO_ANSWERS,
    dataValues: await freezeDataValues(manager, definition, { schoolId: school.id, today: at.today }),
    samples: await drawSamples(manager, school, sampleItems, at.today, at.seed),
  };
  if (inspection.mode === 'verify') written.selfInspectionId = await latestSelfInspection(manager, school, inspection.versionId);
  return written;
}

/** Each data item of the definition, computed for the school now: item key → its frozen value. */
export async function freezeDataValues(manager: EntityManager, definition: ChecklistDefinition, context: DataItemContext): Promise<Record<string, FrozenDataValue>> {
  const values: Record<string, FrozenDataValue> = {};
  for (const { item } of checklistItems(definition)) {
    const dataItem = item.dataItem ? findDataItem(item.dataItem) : undefined;
    if (!dataItem) continue;
    values[item.key] = {
      code: dataItem.code,
      label: dataItem.label,
      unit: dataItem.unit,
      value: await dataItem.compute(manager, context),
      computedAt: new Date().toISOString(),
    };
  }
  return values;
}

/** The school's latest submitted self-inspection on the version, which a verification reviews. */
async function latestSelfInspection(manager: EntityManager, school: { id: number; scopePath: string }, versionId: unknown): Promise<number | null> {
  const [row] = await manager.query(
    `SELECT id FROM inspections WHERE scope_path LIKE $1 AND school_id = $2 AND version_id = $3 AND mode = 'self' AND status = 'submitted'
      ORDER BY submitted_at DESC NULLS LAST, id DESC LIMIT 1`,
    [`${school.scopePath}%`, school.id, versionId],
  );
  return row ? Number(row.id) : null;
}
