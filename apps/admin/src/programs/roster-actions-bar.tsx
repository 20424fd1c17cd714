import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { useResourceSchema } from '../schema/use-schema';
import { RosterAmendButton } from './roster-amend-button';
import { RosterApplicationsButton } from './roster-applications-button';
import { autoEnrol, isWithSchool, ROSTER_ENTRIES_RESOURCE } from './roster-api';
import { RosterNoticeButton } from './roster-notice-button';

/** A roster's own buttons: 导入申请 and 自动纳入 (while the school holds it), 更正 (approved), 公示 download. */
export function RosterActionsBar() {
  const record = useRecordContext();
  const entries = useResourceSchema(ROSTER_ENTRIES_RESOURCE);
  if (!record) return null;
  return (
    <>
      {isWithSchool(record.status) && entries?.can.create && <RosterApplicationsButton />}
      {isWithSchool(record.status) && record.autoEnrol === true && entries?.can.create && <AutoEnrolButton />}
      <RosterAmendButton />
      <RosterNoticeButton />
    </>
  );
}

function AutoEnrolButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  async function run() {
    if (!record) return;
    setPending(true);
    try {
      const { added } = await autoEnrol(record.id);
      notify('zizhu.programs.autoEnrolDone', { type: 'success', messageArgs: { count: added } });
      refresh();
    } catch (error) {
      const message = apiErrorMessage(error) ?? 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
    }
  }
  return (
    <Button label="zizhu.programs.autoEnrol" onClick={() => void run()} disabled={pending}>
      <GroupAddIcon />
    </Button>
  );
}
