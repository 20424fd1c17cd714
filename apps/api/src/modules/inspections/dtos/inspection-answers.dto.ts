import { IsDefined, IsInt, IsObject, IsOptional } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { INSPECTION_MESSAGES } from '../inspection-messages';

/**
 * `POST /inspections/:id/save` and `/submit`: `{ answers, version? }`. The answers are
 * free-form JSON checked against the checklist version by checkInspectionAnswers (422s
 * keyed `answers.<path>`); `version`, when sent, must be the one read (409 otherwise).
 */
export class InspectionAnswersDto {
  @IsDefined(says(INSPECTION_MESSAGES.answersRequired))
  @IsObject(says(INSPECTION_MESSAGES.answersRequired))
  answers!: Record<string, unknown>;

  @IsOptional()
  @IsInt()
  version?: number | null;
}
