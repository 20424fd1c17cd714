import { IsIn, IsOptional, IsString } from 'class-validator';
import { says } from '../../../engine/errors/body-errors';
import { ROSTER_MESSAGES } from '../roster-messages';

export const STEP_ACTIONS = ['approve', 'return', 'reject'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** `POST /rosters/:id/actions`: the current step's decision; a comment is required to return or reject. */
export class RosterStepDto {
  @IsIn(STEP_ACTIONS, says(ROSTER_MESSAGES.unknownAction))
  action!: StepAction;

  @IsOptional()
  @IsString(says(ROSTER_MESSAGES.commentRequired))
  comment?: string;
}
