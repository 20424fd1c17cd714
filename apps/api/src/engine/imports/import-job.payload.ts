import { Type } from 'class-transformer';
import { IsBoolean, IsInt, Min, ValidateNested } from 'class-validator';
import { SessionUserPayload } from '../jobs/job-payload';

/** An import's background step: which import, for whom (their scope and role decide what it may write). */
export class ImportStepPayload {
  @IsInt()
  @Min(1)
  importId!: number;

  @ValidateNested()
  @Type(() => SessionUserPayload)
  user!: SessionUserPayload;
}

export class ImportCommitPayload extends ImportStepPayload {
  @IsBoolean()
  allOrNothing!: boolean;
}
