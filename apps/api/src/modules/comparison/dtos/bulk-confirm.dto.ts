import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { INT4_MAX } from '../../../engine/rest/value-checks';

/** At most this many results per bulk confirm (a page of the panel's list is far fewer). */
const BULK_LIMIT = 1000;

const IDS = { zh: `请选择 1 至 ${BULK_LIMIT} 条比对结果`, en: `Choose between 1 and ${BULK_LIMIT} results` };
const REASON = { zh: '核实说明最多 500 字', en: 'At most 500 characters' };

/** `POST /comparisons/:id/results/confirm`: `{ ids, reason? }` (ids deduplicated by the service). */
export class BulkConfirmDto {
  @IsArray(says(IDS))
  @ArrayMinSize(1, says(IDS))
  @ArrayMaxSize(BULK_LIMIT, says(IDS))
  @IsInt(says(IDS, { each: true }))
  @Min(1, says(IDS, { each: true }))
  @Max(INT4_MAX, says(IDS, { each: true }))
  ids!: number[];

  /** Kept as each result's `decisionReason`: a refusal names that field. */
  @IsOptional()
  @IsString(says(REASON, {}, 'decisionReason'))
  @MaxLength(500, says(REASON, {}, 'decisionReason'))
  reason?: string | null;
}
