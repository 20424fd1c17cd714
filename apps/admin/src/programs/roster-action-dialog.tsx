import { useTranslate, type Identifier } from 'react-admin';
import { DecisionDialog } from '../schema/decision-dialog';
import { actOnRoster, type StepAction } from './roster-api';

export interface RosterActionDialogProps {
  rosterId: Identifier;
  action: StepAction;
  /** i18n key of the action's name (通过 / 提交审核 / 退回 / 驳回). */
  label: string;
  stepLabel: string;
  /** The roster's deadline when submitting after it (China's date): the dialog warns first. */
  lateAfter?: string;
  onClose(): void;
}

/**
 * One decision on the current step, with a comment (a reason, required, to return or
 * reject); the API's refusal — a missing reason, the submission check's problems, a step
 * that is not the user's — is shown in the dialog.
 */
export function RosterActionDialog({ rosterId, action, label, stepLabel, lateAfter, onClose }: RosterActionDialogProps) {
  const translate = useTranslate();
  const needsReason = action !== 'approve';
  return (
    <DecisionDialog
      title={translate('zizhu.programs.confirmTitle', { action: translate(label), step: stepLabel })}
      confirmLabel={translate(label)}
      reasonLabel={translate(needsReason ? 'zizhu.programs.reason' : 'zizhu.programs.comment')}
      reasonRequired={needsReason}
      reasonField="comment"
      warning={lateAfter ? translate('zizhu.programs.lateWarning', { deadline: lateAfter }) : undefined}
      doneMessage={translate('zizhu.programs.done', { action: translate(label) })}
      send={(comment) => actOnRoster(rosterId, action, comment)}
      onClose={onClose}
    />
  );
}
