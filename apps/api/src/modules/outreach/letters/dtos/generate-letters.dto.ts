import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { TERMS } from '@zizhu/programs';
import { says } from '../../../../engine/errors/body-errors';
import { LETTER_MESSAGES } from '../letter-messages';

/** `POST /letters/generate`: a school's or a region's letters for a term, from a published template. */
export class GenerateLettersDto {
  @IsOptional()
  @IsInt(says(LETTER_MESSAGES.schoolNotFound))
  @Min(1, says(LETTER_MESSAGES.schoolNotFound))
  @Max(2147483647, says(LETTER_MESSAGES.schoolNotFound))
  schoolId?: number;

  @IsOptional()
  @IsString(says(LETTER_MESSAGES.regionNotFound))
  regionId?: string;

  @IsInt(says(LETTER_MESSAGES.yearInvalid))
  @Min(2000, says(LETTER_MESSAGES.yearInvalid))
  @Max(2100, says(LETTER_MESSAGES.yearInvalid))
  year!: number;

  @IsIn(TERMS.map((t) => t.value), says(LETTER_MESSAGES.termInvalid))
  term!: string;

  @IsInt(says(LETTER_MESSAGES.templateNotPublished))
  @Min(1, says(LETTER_MESSAGES.templateNotPublished))
  @Max(2147483647, says(LETTER_MESSAGES.templateNotPublished))
  templateId!: number;
}
