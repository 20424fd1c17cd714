import { Module } from '@nestjs/common';
import { AidQueryController } from './aid-query.controller';
import { AidQueryLimits } from './aid-query-limits';
import { AidQueryService } from './aid-query.service';

/** 家长自助查询: the public aid query (no login), its limits, challenge and log. */
@Module({
  controllers: [AidQueryController],
  providers: [AidQueryService, AidQueryLimits],
})
export class PublicQueryModule {}
