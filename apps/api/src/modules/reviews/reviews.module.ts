import { Module } from '@nestjs/common';
import { actionController } from '../../engine/rest/action.controller';
import { PdfModule } from '../../engine/pdf/pdf.module';
import { PlansModule } from '../plans/plans.module';
import { ReviewBulletinController } from './bulletin/review-bulletin.controller';
import { ReviewBulletinJob } from './bulletin/review-bulletin.job';
import { ReviewBulletinService } from './bulletin/review-bulletin.service';
import { ReviewBehaviour } from './review.behaviour';
import { ReviewWorkflowService } from './review-workflow.service';

/** 月点评 / 季通报: reviews of a plan's units computed from the data, issued as frozen snapshots; the quarterly bulletin printed as a job. */
@Module({
  imports: [PlansModule, PdfModule],
  controllers: [actionController(ReviewBehaviour), ReviewBulletinController],
  providers: [ReviewBehaviour, ReviewWorkflowService, ReviewBulletinJob, ReviewBulletinService],
})
export class ReviewsModule {}
