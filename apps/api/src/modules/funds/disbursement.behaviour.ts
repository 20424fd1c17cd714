import { Injectable } from '@nestjs/common';
import { disbursementResource } from '@zizhu/funds';
import type { SessionUser } from '@zizhu/schema';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { Action, Behaviour } from '../../engine/rest/resource-behaviour';
import { DisbursementService } from './disbursement.service';
import { ReissueDto } from './dtos/reissue.dto';
import { FUND_ROLES } from './fund-roles';

/** Payment lines are written by batches and bank results; by hand only a re-issue. */
@Injectable()
@Behaviour(disbursementResource)
export class DisbursementBehaviour {
  constructor(private readonly lines: DisbursementService) {}

  @Action({
    name: 'reissue',
    allow: FUND_ROLES.reissue,
    body: ReissueDto,
    status: 201,
    summary: 'Re-issue a failed or returned line: { account? } (else the student’s corrected account)',
  })
  reissue(id: string, body: ReissueDto, user: SessionUser): Promise<ApiRecord> {
    return this.lines.reissue(id, body, user);
  }
}
