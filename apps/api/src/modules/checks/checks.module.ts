import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { ChecklistDataItemsController } from './checklist-data-items.controller';
import { ChecklistSheetController } from './checklist-sheet.controller';
import { ChecklistTemplateBehaviour } from './checklist-template.behaviour';
import { ChecklistVersionBehaviour } from './checklist-version.behaviour';
import { ChecklistVersionService } from './checklist-version.service';

/** 督查检查: checklist templates and versions (design, publish, retire) the data-item catalogue, and a version's sheet (Excel out and into a draft). */
@Module({
  controllers: [ChecklistDataItemsController, ChecklistSheetController, actionController(ChecklistTemplateBehaviour), actionController(ChecklistVersionBehaviour)],
  providers: [ChecklistTemplateBehaviour, ChecklistVersionBehaviour, ChecklistVersionService],
})
export class ChecksModule {}
