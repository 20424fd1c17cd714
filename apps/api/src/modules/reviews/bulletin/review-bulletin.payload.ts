import { IsInt, Min } from 'class-validator';

/** The `review-bulletin` job: which review's bulletin to print (who asked is on its review_bulletins row). */
export class ReviewBulletinPayload {
  @IsInt()
  @Min(1)
  reviewId!: number;
}
