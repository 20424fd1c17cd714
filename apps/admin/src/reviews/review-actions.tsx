import CalculateIcon from '@mui/icons-material/Calculate';
import PublishIcon from '@mui/icons-material/Publish';
import type { ResourceSchema } from '@zizhu/schema';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { useSessionUser } from '../providers/use-session-user';
import { BulletinButton } from './bulletin-button';
import { type ReviewRecord, reviewAction } from './review-api';

/** Who may download a bulletin: the bureaus and inspectors; a school reads its own line. */
const BULLETIN_ROLES = ['admin', 'county', 'inspector'];

/** A review's buttons: 计算排名 and 发布 on a draft its planners may change, the bulletin's download once a 季通报 is issued. */
export function ReviewActions({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext<ReviewRecord>();
  const user = useSessionUser();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (!record) return null;
  const planner = record.status === 'draft' && record.writable !== false && schema.can.update;

  async function act(action: 'compute' | 'issue') {
    setBusy(true);
    try {
      await reviewAction(record!.id, action);
      notify(action === 'compute' ? 'zizhu.reviews.computed' : 'zizhu.reviews.issued', { type: 'success' });
      refresh();
    } catch (error) {
      notify(apiErrorMessage(error) ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <>
      {planner && (
        <Button label={record.computedAt ? 'zizhu.reviews.recompute' : 'zizhu.reviews.compute'} onClick={() => void act('compute')} disabled={busy} data-testid="review-compute">
          <CalculateIcon />
        </Button>
      )}
      {planner && (
        <Button label="zizhu.reviews.issue" onClick={() => setConfirming(true)} disabled={busy || !record.computedAt} data-testid="review-issue">
          <PublishIcon />
        </Button>
      )}
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="zizhu.reviews.issueConfirmTitle"
        titleTranslateOptions={{ title: record.title }}
        content="zizhu.reviews.issueConfirm"
        onConfirm={() => void act('issue')}
        onClose={() => setConfirming(false)}
      />
      {record.status === 'issued' && record.kind === 'quarterly' && user && BULLETIN_ROLES.includes(user.role) && <BulletinButton review={record} />}
    </>
  );
}
