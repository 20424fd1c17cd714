import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';
import { says } from '../../../../engine/errors/body-errors';
import { LETTER_MESSAGES } from '../letter-messages';

/** Letters one mark names at most by id (a filter names any number). */
export const MAX_MARK_IDS = 5000;

/**
 * `POST /letters/mark`: the letters (their ids, or the letters list's own filter) delivered
 * on `date`, or their receipts back on `date`.
 */
export class MarkLettersDto {
  @IsOptional()
  @IsArray(says(LETTER_MESSAGES.idsOrFilter))
  @ArrayMaxSize(MAX_MARK_IDS, says(LETTER_MESSAGES.tooManyIds(MAX_MARK_IDS)))
  @IsInt({ each: true, ...says(LETTER_MESSAGES.idsOrFilter) })
  @Min(1, { each: true, ...says(LETTER_MESSAGES.idsOrFilter) })
  @Max(2147483647, { each: true, ...says(LETTER_MESSAGES.idsOrFilter) })
  ids?: number[];

  /** As `GET /letters?filter=…` takes it: the declared filters only. */
  @IsOptional()
  @IsObject(says(LETTER_MESSAGES.idsOrFilter))
  filter?: Record<string, unknown>;

  @IsIn(['delivered', 'receiptReturned'], says(LETTER_MESSAGES.markStatus))
  status!: 'delivered' | 'receiptReturned';

  @Matches(/^\d{4}-\d{2}-\d{2}$/, says(LETTER_MESSAGES.markDate))
  date!: string;
}
