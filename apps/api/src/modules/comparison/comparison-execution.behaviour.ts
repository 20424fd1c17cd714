import { Injectable } from '@nestjs/common';
import { comparisonExecutionResource } from '@zizhu/identities';
import { Behaviour, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { executionRecordsView } from './comparison-subtree-figures';

/** A run's history read from below: counts are the sums over the reader's subtree. */
@Injectable()
@Behaviour(comparisonExecutionResource)
export class ComparisonExecutionBehaviour implements ResourceBehaviour {
  view = executionRecordsView;
}
