import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { ChecklistDataItemsController } from './checklist-data-items.controller';
import { ChecklistTemplateBehaviour } from './checklist-template.behaviour';
import { ChecklistVersionBehaviour } from './checklist-version.behaviour';
import { ChecklistVersionService } from './checklist-version.service';

/** 督查检查: checklist templates and versions (design, publish, retire) and the data-item catalogue. */
@Module({
  controllers: [ChecklistDataItemsController, actionController(ChecklistTemplateBehaviour), actionController(ChecklistVersionBehaviour)],
  providers: [ChecklistTemplateBehaviour, ChecklistVersionBehaviour, ChecklistVersionService],
})
export class ChecksModule {}
