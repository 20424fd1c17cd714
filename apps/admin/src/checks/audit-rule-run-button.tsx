import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { useSessionUser } from '../providers/use-session-user';
import { runAuditRule } from './audit-rule-api';

/** 立即运行 on a rule's page (admins and counties): runs it over the user's schools and says what it found. */
export function AuditRuleRunButton() {
  const record = useRecordContext();
  const user = useSessionUser();
  const notify = useNotify();
  const refresh = useRefresh();
  const [running, setRunning] = useState(false);
  if (!record || (user?.role !== 'admin' && user?.role !== 'county')) return null;

  async function run() {
    setRunning(true);
    try {
      const counts = await runAuditRule(record!.id);
      notify('zizhu.auditRules.ran', { type: 'success', messageArgs: { ...counts } });
      refresh();
    } catch (e) {
      notify(apiErrorMessage(e) ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setRunning(false);
    }
  }

  return (
    <Button label="zizhu.auditRules.run" onClick={() => void run()} disabled={running} data-testid="audit-rule-run">
      <PlayArrowIcon />
    </Button>
  );
}
