import { IsOptional, Matches } from 'class-validator';
import { says } from '../../../../engine/errors/body-errors';
import { INSPECTION_STATISTICS_MESSAGES as M } from '../inspection-statistics-messages';

/** `GET /inspection-statistics`'s query: both optional, nothing else accepted (a repeated parameter is refused too). */
export class InspectionStatisticsQueryDto {
  @IsOptional()
  @Matches(/^[1-9]\d{0,9}$/, says(M.badPlanId))
  planId?: string;

  @IsOptional()
  @Matches(/^(\d{6}|\d{9})$/, says(M.badRegionId))
  regionId?: string;
}
