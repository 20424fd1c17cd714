import { IsDefined, IsString, MaxLength } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { INSPECTION_MESSAGES } from '../inspection-messages';

/** `POST /inspections/:id/reopen`: `{ reason }`, kept on the inspection and in the audit log. */
export class InspectionReopenDto {
  @IsDefined(says(INSPECTION_MESSAGES.reasonRequired))
  @IsString(says(INSPECTION_MESSAGES.reasonRequired))
  @MaxLength(500, says(INSPECTION_MESSAGES.reasonTooLong))
  reason!: string;
}
