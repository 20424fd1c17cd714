import { IsInt, IsOptional, IsString } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { PLAN_MESSAGES } from '../plans-messages';

/** `POST /duty-occurrences/:id/accept` and `/return`: a reason (required to return) and the version read. */
export class OccurrenceReviewDto {
  @IsOptional()
  @IsString(says(PLAN_MESSAGES.reasonRequired))
  reason?: string | null;

  @IsOptional()
  @IsInt()
  version?: number | null;
}
