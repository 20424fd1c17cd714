import { IsOptional, IsString } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { FUND_MESSAGES } from '../fund-messages';

/** `POST /funds/exceptions/clue`: a clue from a current exception; the due date is checked as the clue's field. */
export class OpenClueDto {
  @IsString(says(FUND_MESSAGES.exceptionUnknown))
  key!: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsOptional()
  dueDate?: unknown;
}
