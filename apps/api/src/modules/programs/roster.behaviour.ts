import { Injectable } from '@nestjs/common';
import { rosterEntryResource, rosterResource } from '@zizhu/programs';
import { ROLES, type SessionUser } from '@zizhu/schema';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour, type RecordChange, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { RosterAmendmentDto } from './dtos/roster-amendment.dto';
import { RosterStepDto } from './dtos/roster-step.dto';
import { AMENDERS, RosterWorkflowService } from './roster-workflow.service';
import { RosterService } from './roster.service';

type Row = Record<string, unknown>;

/**
 * Rosters: a new one copies its program as it is now and, if the program says so, takes in
 * its eligible special-identity students at once; then the approval chain's actions.
 * Rosters change only through these (the declaration lets no one update or delete one).
 */
@Injectable()
@Behaviour(rosterResource)
export class RosterBehaviour implements ResourceBehaviour {
  constructor(
    private readonly rosters: RosterService,
    private readonly workflow: RosterWorkflowService,
  ) {}

  serverValues({ values, manager }: RecordWrite): Promise<Row> {
    return this.rosters.fromProgram(values, manager);
  }

  async afterWrite({ action, after, manager, user }: RecordChange): Promise<void> {
    if (action === 'create' && after?.autoEnrol) await this.rosters.enrolEligible(manager, after.id as number, user);
  }

  @Action({
    name: 'auto-enrol',
    allow: rosterEntryResource.access.create,
    summary: 'Add newly marked eligible students at the top tier (while the roster is with the school)',
  })
  autoEnrol(id: string, _body: object, user: SessionUser): Promise<{ added: number }> {
    return this.rosters.autoEnrol(id, user);
  }

  @Action({
    name: 'actions',
    // Any role may hold a step of a program's chain: the step itself says whose turn it is.
    allow: ROLES,
    body: RosterStepDto,
    summary: "The current step's decision: { action: 'approve' | 'return' | 'reject', comment } (comment required to return or reject)",
  })
  act(id: string, body: RosterStepDto, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.act(id, body, user);
  }

  @Action({
    name: 'amendments',
    allow: AMENDERS,
    body: RosterAmendmentDto,
    summary: 'Amend an approved roster: { entryId, tier } | { entryId, remove: true } | { studentId, tier }, with a reason',
  })
  amend(id: string, body: RosterAmendmentDto, user: SessionUser): Promise<ApiRecord> {
    return this.workflow.amend(id, body, user);
  }
}
