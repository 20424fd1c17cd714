import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { PlanCompletionController } from './completion/plan-completion.controller';
import { MyDutiesService } from './completion/my-duties.service';
import { PlanCompletionService } from './completion/plan-completion.service';
import { DutyOccurrenceBehaviour } from './duty-occurrence.behaviour';
import { DutyBehaviour } from './duty.behaviour';
import { DutyOccurrencesNightlyJob } from './occurrences/duty-occurrences-nightly.job';
import { OccurrenceRunner } from './occurrences/occurrence-runner.service';
import { OccurrenceWorkflowService } from './occurrences/occurrence-workflow.service';
import { PlanImportController } from './plan-import/plan-import.controller';
import { PlanImportService } from './plan-import/plan-import.service';
import { PlansClock } from './plans-clock';
import { DutyRulesController } from './rules/duty-rules.controller';
import { WorkPlanBehaviour } from './work-plan.behaviour';
import { WorkPlanService } from './work-plan.service';

/** 工作计划: work plans, duties and their occurrences per unit and period, completed by hand or from the platform's data. */
@Module({
  controllers: [
    actionController(WorkPlanBehaviour),
    actionController(DutyOccurrenceBehaviour),
    DutyRulesController,
    PlanCompletionController,
    PlanImportController,
  ],
  providers: [
    PlansClock,
    OccurrenceRunner,
    DutyOccurrencesNightlyJob,
    OccurrenceWorkflowService,
    WorkPlanService,
    WorkPlanBehaviour,
    DutyBehaviour,
    DutyOccurrenceBehaviour,
    PlanCompletionService,
    MyDutiesService,
    PlanImportService,
  ],
  exports: [OccurrenceRunner, PlansClock],
})
export class PlansModule {}
