import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { AuditRulesModule } from '../checks/audit-rules/audit-rules.module';
import { ClueBehaviour } from './clue.behaviour';
import { ClueWorkflowService } from './clue-workflow.service';

/** 问题线索: creation, the school's answer and the county's review (ClueBehaviour and its actions). */
@Module({
  imports: [AuditRulesModule],
  controllers: [actionController(ClueBehaviour)],
  providers: [ClueWorkflowService, ClueBehaviour],
})
export class CluesModule {}
