import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ProgramTier, rosterEntryResource } from '@zizhu/programs';
import type { SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { duplicateEntry, ROSTER_MESSAGES } from './roster-messages';
import { RosterService } from './roster.service';

type Row = Record<string, unknown>;

/**
 * Applications on a roster: the school adds, edits and removes entries while the roster is
 * with it. The tier fixes the amount; the generic writer checks the answers against the
 * program's extra fields as copied onto the roster (the `values` shape of applicationData).
 */
@Injectable()
export class RosterEntryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
    private readonly rosters: RosterService,
  ) {}

  async create(body: Row, user: SessionUser): Promise<ApiRecord> {
    const created = await this.writer.create(rosterEntryResource, body, user, async (values, manager) => {
      const roster = await this.rosters.lockEditable(manager, values.rosterId as number, user);
      const [other] = await manager.query(
        `SELECT sc.name FROM roster_entries e JOIN rosters r ON r.id = e.roster_id JOIN schools sc ON sc.id = r.school_id
          WHERE e.program_id = $1 AND e.year = $2 AND e.term = $3 AND e.student_id = $4`,
        [roster.programId, roster.year, roster.term, values.studentId],
      );
      if (other) throw ApiException.validation({ studentId: duplicateEntry(other.name) });
      return {
        amount: tierAmount(roster, values),
        programId: roster.programId,
        year: roster.year,
        term: roster.term,
        source: 'application',
      };
    });
    await this.refresh(created.rosterId as number);
    return created;
  }

  async update(id: string, body: Row, user: SessionUser): Promise<ApiRecord> {
    const existing = await this.reader.getOne(rosterEntryResource, id, user);
    const roster = await this.db.transaction((manager) => this.rosters.lockEditable(manager, existing.rosterId as number, user));
    const amount = tierAmount(roster, { ...existing, ...body });
    const updated = await this.writer.update(rosterEntryResource, id, body, user, () => ({ amount }));
    await this.refresh(updated.rosterId as number);
    return updated;
  }

  async remove(id: string, user: SessionUser): Promise<ApiRecord> {
    const existing = await this.reader.getOne(rosterEntryResource, id, user);
    await this.db.transaction((manager) => this.rosters.lockEditable(manager, existing.rosterId as number, user));
    const removed = await this.writer.remove(rosterEntryResource, id, user);
    await this.refresh(removed.rosterId as number);
    return removed;
  }

  private refresh(rosterId: number): Promise<void> {
    return this.db.transaction((manager: EntityManager) => this.rosters.refreshTotals(manager, rosterId));
  }
}

/** The amount of the entry's tier; an unknown tier is a field error. */
function tierAmount(roster: Row, values: Row): number {
  const tier = (roster.tiers as ProgramTier[]).find((t) => t.code === values.tier);
  if (!tier) throw ApiException.validation({ tier: ROSTER_MESSAGES.unknownTier });
  return tier.amount;
}
