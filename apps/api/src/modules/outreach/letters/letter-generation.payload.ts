import { IsInt, IsString, Min } from 'class-validator';

/** One letter run on the queue: the run's record says what to make; the link is the request's. */
export class LetterGenerationPayload {
  @IsInt()
  @Min(1)
  runId!: number;

  @IsString()
  queryUrl!: string;
}
