import { IsInt, IsOptional, IsString } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { CLUE_MESSAGES } from '../clue-messages';

/** `POST /clues/:id/accept` and `/return`: a comment (a reason, required to return) and the version read. */
export class ClueReviewDto {
  @IsOptional()
  @IsString(says(CLUE_MESSAGES.reasonRequired))
  reason?: string | null;

  @IsOptional()
  @IsInt()
  version?: number | null;
}
