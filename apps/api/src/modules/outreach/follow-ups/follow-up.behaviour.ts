import { Injectable } from '@nestjs/common';
import { clueResource } from '@zizhu/checks';
import { followUpResource } from '@zizhu/outreach';
import { AuditService } from '../../../engine/audit/audit.service';
import { ApiException } from '../../../engine/errors/api.exception';
import { auditSnapshot } from '../../../engine/rest/record-presenter';
import { Behaviour, type RecordChange, type RecordWrite, type ResourceBehaviour } from '../../../engine/rest/resource-behaviour';
import { ResourceReader } from '../../../engine/rest/resource-reader.service';
import { FOLLOW_UP_MESSAGES as M } from './follow-up-messages';
import { recordedValues, recordingProblems } from './follow-up-recording';
import { MISMATCH_CLUE_SQL } from './mismatch-clue.sql';

type Row = Record<string, unknown>;

/**
 * 回访记录: recorded through the generic update (school, county, admin; the scope decides
 * whose) while its campaign is open. Each save is checked as a whole (see
 * recordingProblems), marks the follow-up done and who recorded it; a family reporting an
 * amount that differs from what was paid opens a problem clue in the same transaction.
 */
@Injectable()
@Behaviour(followUpResource)
export class FollowUpBehaviour implements ResourceBehaviour {
  constructor(
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  async validate({ values, existing, manager }: RecordWrite): Promise<void> {
    if (!existing) return;
    const [campaign] = await manager.query('SELECT status FROM follow_up_campaigns WHERE id = $1 FOR SHARE', [existing.campaignId]);
    if (campaign?.status !== 'drawn') throw new ApiException('IN_USE', M.closedCampaign);
    const next = { ...existing, ...values };
    let photoType: string | null = null;
    if (next.evidenceFileId != null) {
      const [file] = await manager.query('SELECT content_type FROM files WHERE id = $1', [next.evidenceFileId]);
      photoType = file?.content_type ?? null;
    }
    const problems = recordingProblems(next, existing, { now: new Date(), photoType });
    if (Object.keys(problems).length) throw ApiException.validation(problems);
  }

  async serverValues({ values, existing, user }: RecordWrite): Promise<Row> {
    return recordedValues({ ...existing, ...values }, user.id);
  }

  async afterWrite({ action, after, manager, user }: RecordChange): Promise<void> {
    if (action !== 'update' || !after || after.amountCheck !== 'different' || after.clueId != null) return;
    const [opened] = await manager.query(MISMATCH_CLUE_SQL, [after.id, user.id]);
    if (!opened) return;
    const clue = await this.reader.findRow(manager, clueResource, String(opened.id));
    await this.audit.record(manager, user, {
      action: 'create',
      resource: clueResource.name,
      recordId: opened.id,
      scopePath: opened.scopePath,
      before: null,
      after: clue ? auditSnapshot(clueResource, clue) : null,
    });
  }
}
