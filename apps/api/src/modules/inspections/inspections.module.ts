import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { InspectionAnswersService } from './inspection-answers.service';
import { InspectionPlanBehaviour } from './inspection-plan.behaviour';
import { InspectionStartService } from './inspection-start.service';
import { InspectionBehaviour } from './inspection.behaviour';
import { RectificationOverdueCheck } from './rectification-overdue.check';

/** 督查检查: plans and inspections (start, fill, submit, reopen) and the findings they raise as clues, flagged nightly when their rectification is overdue. */
@Module({
  controllers: [actionController(InspectionPlanBehaviour), actionController(InspectionBehaviour)],
  providers: [InspectionPlanBehaviour, InspectionBehaviour, InspectionStartService, InspectionAnswersService, RectificationOverdueCheck],
})
export class InspectionsModule {}
