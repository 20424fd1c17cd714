import { Module } from '@nestjs/common';
import { AuditService } from '../../engine/audit/audit.service';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import { RosterController } from './roster.controller';
import { RosterApplicationImportService } from './roster-application-import.service';
import { RosterEntryService } from './roster-entry.service';
import { RosterNoticeService } from './roster-notice.service';
import { RosterWorkflowService } from './roster-workflow.service';
import { RosterService } from './roster.service';

/** Programs' rosters and the approval chain. Import before ResourceModule. */
@Module({
  controllers: [RosterController],
  providers: [RosterService, RosterApplicationImportService, RosterWorkflowService, RosterEntryService, RosterNoticeService, ResourceReader, ResourceWriter, AuditService],
})
export class ProgramsModule {}
