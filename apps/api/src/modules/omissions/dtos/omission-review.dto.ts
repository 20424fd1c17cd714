import { checkOmissionReview } from '@zizhu/identities';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { INT4_MAX } from '../../../engine/rest/value-checks';

/** At most one list page's selection per bulk review. */
const BULK_LIMIT = 1000;
const IDS = { zh: `请选择 1 至 ${BULK_LIMIT} 条补录`, en: `Choose between 1 and ${BULK_LIMIT} omissions` };
/** The rule's own message for a decision that is neither (a reason to return is the rule's too). */
const DECISION = checkOmissionReview(null, null)!.message;

/** `POST /omissions/:id/review`: the county's decision; returning needs a reason (checkOmissionReview). */
export class OmissionReviewDto {
  @IsIn(['approved', 'returned'], says(DECISION))
  decision!: 'approved' | 'returned';

  @IsOptional()
  @IsString()
  reason?: string | null;
}

/** `POST /omissions/review`: the same decision for each listed omission. */
export class OmissionBulkReviewDto extends OmissionReviewDto {
  @IsArray(says(IDS))
  @ArrayMinSize(1, says(IDS))
  @ArrayMaxSize(BULK_LIMIT, says(IDS))
  @IsInt(says(IDS, { each: true }))
  @Min(1, says(IDS, { each: true }))
  @Max(INT4_MAX, says(IDS, { each: true }))
  ids!: number[];
}
