import CheckIcon from '@mui/icons-material/Check';
import UndoIcon from '@mui/icons-material/Undo';
import { useState } from 'react';
import { Button, useListContext, useRecordContext, useTranslate, useUnselectAll } from 'react-admin';
import { useSessionUser } from '../providers/use-session-user';
import { DecisionDialog } from '../schema/decision-dialog';
import { mayReview, type OmissionDecision, OMISSIONS_RESOURCE, reviewOmission, reviewOmissions } from './omission-api';

const LABEL: Record<OmissionDecision, string> = { approved: 'zizhu.omissions.approve', returned: 'zizhu.omissions.return' };

/** 通过 / 退回 buttons; the chosen one opens the decision dialog `dialog` renders. */
function ReviewButtons({ onChoose }: { onChoose(decision: OmissionDecision): void }) {
  return (
    <>
      <Button label={LABEL.approved} onClick={() => onChoose('approved')}>
        <CheckIcon />
      </Button>
      <Button label={LABEL.returned} onClick={() => onChoose('returned')} color="warning">
        <UndoIcon />
      </Button>
    </>
  );
}

/** On a pending omission's page, for the county: 通过, or 退回 with a reason. */
export function OmissionReviewActions() {
  const record = useRecordContext();
  const user = useSessionUser();
  const translate = useTranslate();
  const [decision, setDecision] = useState<OmissionDecision | null>(null);
  if (!record || record.status !== 'pending' || !mayReview(user?.role)) return null;
  const action = decision && translate(LABEL[decision]);
  return (
    <>
      <ReviewButtons onChoose={setDecision} />
      {decision && (
        <DecisionDialog
          title={translate('zizhu.omissions.reviewTitle', { action })}
          confirmLabel={action!}
          reasonLabel={translate(decision === 'returned' ? 'zizhu.omissions.reason' : 'zizhu.omissions.comment')}
          reasonRequired={decision === 'returned'}
          reasonField="reason"
          doneMessage={translate('zizhu.omissions.done', { action })}
          send={(reason) => reviewOmission(record.id, decision, reason)}
          onClose={() => setDecision(null)}
        />
      )}
    </>
  );
}

/** The list's bulk action for the county: the selected omissions approved, or returned with one reason. */
export function OmissionBulkReview() {
  const { selectedIds } = useListContext();
  const unselectAll = useUnselectAll(OMISSIONS_RESOURCE);
  const translate = useTranslate();
  const [decision, setDecision] = useState<OmissionDecision | null>(null);
  const action = decision && translate(LABEL[decision]);
  return (
    <>
      <ReviewButtons onChoose={setDecision} />
      {decision && (
        <DecisionDialog
          title={translate('zizhu.omissions.bulkTitle', { action, count: selectedIds.length })}
          warning={translate('zizhu.omissions.bulkHint')}
          confirmLabel={action!}
          reasonLabel={translate(decision === 'returned' ? 'zizhu.omissions.reason' : 'zizhu.omissions.comment')}
          reasonRequired={decision === 'returned'}
          reasonField="reason"
          doneMessage={translate('zizhu.omissions.done', { action })}
          send={async (reason) => {
            const answer = await reviewOmissions(selectedIds, decision, reason);
            unselectAll();
            return translate('zizhu.omissions.bulkDone', answer);
          }}
          onClose={() => setDecision(null)}
        />
      )}
    </>
  );
}
