import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { IsFilled, IsRecordId } from '../../../engine/rest/body-validators';
import { says } from '../../../engine/errors/body-errors';
import { ROSTER_MESSAGES } from '../roster-messages';

/** `POST /rosters/:id/amendments`: `{ entryId, tier }` | `{ entryId, remove: true }` | `{ studentId, tier }`, with a reason. */
export class RosterAmendmentDto {
  @IsFilled(says(ROSTER_MESSAGES.reasonRequired))
  reason!: string;

  @IsOptional()
  @IsRecordId(says(ROSTER_MESSAGES.amendEntryMissing))
  entryId?: number | string;

  @IsOptional()
  @IsString(says(ROSTER_MESSAGES.unknownTier))
  tier?: string;

  @IsOptional()
  @IsBoolean(says(ROSTER_MESSAGES.amendNothing))
  remove?: boolean;

  @IsOptional()
  @IsRecordId(says(ROSTER_MESSAGES.otherSchool))
  studentId?: number | string;
}
