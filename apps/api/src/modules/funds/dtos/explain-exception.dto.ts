import { IsString } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { IsFilled } from '../../../engine/rest/body-validators';
import { FUND_MESSAGES } from '../fund-messages';

/** `POST /funds/exceptions/explain`: finance's note on a current exception. */
export class ExplainExceptionDto {
  @IsString(says(FUND_MESSAGES.exceptionUnknown))
  key!: string;

  @IsFilled(says(FUND_MESSAGES.noteRequired))
  note!: string;
}
