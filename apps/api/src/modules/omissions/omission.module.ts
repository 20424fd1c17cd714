import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { OmissionBehaviour } from './omission.behaviour';
import { OmissionController } from './omission.controller';
import { OmissionService } from './omission.service';

/** 补录: county review of school-flagged omissions and students' marks. */
@Module({
  controllers: [OmissionController, actionController(OmissionBehaviour)],
  providers: [OmissionService, OmissionBehaviour],
})
export class OmissionModule {}
