import { IsIn, IsInt, Max, Min } from 'class-validator';
import { TERMS } from '@zizhu/programs';
import { says } from '../../../../engine/errors/body-errors';
import { LETTER_MESSAGES } from '../letter-messages';

/** `POST /letters/batch`: prepare one school's printable letters for a term. */
export class LetterBatchDto {
  @IsInt(says(LETTER_MESSAGES.schoolRequired))
  @Min(1, says(LETTER_MESSAGES.schoolNotFound))
  @Max(2147483647, says(LETTER_MESSAGES.schoolNotFound))
  schoolId!: number;

  @IsInt(says(LETTER_MESSAGES.yearInvalid))
  @Min(2000, says(LETTER_MESSAGES.yearInvalid))
  @Max(2100, says(LETTER_MESSAGES.yearInvalid))
  year!: number;

  @IsIn(TERMS.map((t) => t.value), says(LETTER_MESSAGES.termInvalid))
  term!: string;
}
