import { Injectable } from '@nestjs/common';
import { carriesMark, comparisonResultResource } from '@zizhu/identities';
import type { SessionUser } from '@zizhu/schema';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { ComparisonService } from './comparison.service';

/**
 * A school's decision on a result (with its reason and evidence file): who decided, when,
 * and whether the result now gives the student a mark are written by the same UPDATE;
 * then the run's summary follows.
 */
@Injectable()
@Behaviour(comparisonResultResource)
export class ComparisonResultBehaviour implements ResourceBehaviour {
  constructor(private readonly comparisons: ComparisonService) {}

  async serverValues({ values, existing, user }: RecordWrite): Promise<Record<string, unknown>> {
    return {
      decidedBy: user.id,
      decidedAt: new Date(),
      marked: carriesMark(String(existing?.outcome), String(values.decision ?? existing?.decision)),
    };
  }

  afterCommit(record: ApiRecord, _user: SessionUser): Promise<void> {
    return this.comparisons.refreshDecided(record);
  }
}
