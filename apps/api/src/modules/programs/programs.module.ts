import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { RosterController } from './roster.controller';
import { RosterApplicationImportService } from './roster-application-import.service';
import { RosterEntryBehaviour } from './roster-entry.behaviour';
import { RosterNoticeService } from './roster-notice.service';
import { RosterWorkflowService } from './roster-workflow.service';
import { RosterBehaviour } from './roster.behaviour';
import { RosterService } from './roster.service';

/** Programs' rosters and the approval chain: behaviours of rosters and their entries, and the rosters' files. */
@Module({
  controllers: [RosterController, actionController(RosterBehaviour)],
  providers: [RosterService, RosterApplicationImportService, RosterWorkflowService, RosterNoticeService, RosterBehaviour, RosterEntryBehaviour],
})
export class ProgramsModule {}
