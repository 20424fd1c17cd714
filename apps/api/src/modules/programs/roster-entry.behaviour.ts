import { Injectable } from '@nestjs/common';
import { type ProgramTier, rosterEntryResource } from '@zizhu/programs';
import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { Behaviour, type RecordChange, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { duplicateEntry, ROSTER_MESSAGES } from './roster-messages';
import { RosterService } from './roster.service';

type Row = Record<string, unknown>;

/**
 * Applications on a roster: the school adds, edits and removes entries while the roster is
 * with it (the roster locked meanwhile). The tier fixes the amount; the generic writer checks
 * the answers against the program's extra fields as copied onto the roster (the `values` shape
 * of applicationData); the roster's totals follow.
 */
@Injectable()
@Behaviour(rosterEntryResource)
export class RosterEntryBehaviour implements ResourceBehaviour {
  constructor(private readonly rosters: RosterService) {}

  async serverValues({ action, values, existing, manager, user }: RecordWrite): Promise<Row> {
    if (action === 'update') {
      const merged = { ...existing, ...values };
      const roster = await this.rosters.lockEditable(manager, merged.rosterId as number, user);
      return { amount: tierAmount(roster, merged) };
    }
    const roster = await this.rosters.lockEditable(manager, values.rosterId as number, user);
    const [other] = await manager.query(
      `SELECT sc.name FROM roster_entries e JOIN rosters r ON r.id = e.roster_id JOIN schools sc ON sc.id = r.school_id
        WHERE e.program_id = $1 AND e.year = $2 AND e.term = $3 AND e.student_id = $4`,
      [roster.programId, roster.year, roster.term, values.studentId],
    );
    if (other) throw ApiException.validation({ studentId: duplicateEntry(other.name) });
    return { amount: tierAmount(roster, values), programId: roster.programId, year: roster.year, term: roster.term, source: 'application' };
  }

  async beforeDelete(existing: Row, manager: EntityManager, user: SessionUser): Promise<void> {
    await this.rosters.lockEditable(manager, existing.rosterId as number, user);
  }

  async afterWrite({ before, after, manager }: RecordChange): Promise<void> {
    const rosterIds = new Set([before?.rosterId, after?.rosterId].filter((id) => id != null) as number[]);
    for (const rosterId of rosterIds) await this.rosters.refreshTotals(manager, rosterId);
  }
}

/** The amount of the entry's tier; an unknown tier is a field error. */
function tierAmount(roster: Row, values: Row): number {
  const tier = (roster.tiers as ProgramTier[]).find((t) => t.code === values.tier);
  if (!tier) throw ApiException.validation({ tier: ROSTER_MESSAGES.unknownTier });
  return tier.amount;
}
