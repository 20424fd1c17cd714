import { TERMS } from '@zizhu/programs';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { says } from '../../../../../engine/errors/body-errors';
import { COVERAGE_MESSAGES as M } from '../coverage-messages';

/** `GET /outreach-coverage`'s query: year and term required, nothing undeclared (a repeated parameter is refused too). */
export class OutreachCoverageQueryDto {
  @Matches(/^(20\d\d|2100)$/, says(M.badYear))
  year!: string;

  @IsIn(TERMS.map((t) => t.value), says(M.badTerm))
  term!: string;

  @IsOptional()
  @Matches(/^(\d{6}|\d{9})$/, says(M.badRegionId))
  regionId?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, says(M.badDueDate))
  dueDate?: string;
}
