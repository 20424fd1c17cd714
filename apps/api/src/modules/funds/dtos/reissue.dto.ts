import { IsOptional } from 'class-validator';

/** `POST /disbursements/:id/reissue`: the corrected account, else the student's (checked by the service: 8–32 digits). */
export class ReissueDto {
  @IsOptional()
  account?: unknown;
}
