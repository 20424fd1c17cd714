import AddIcon from '@mui/icons-material/Add';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import PublishIcon from '@mui/icons-material/Publish';
import type { ResourceSchema } from '@zizhu/schema';
import { useState } from 'react';
import { Button, Confirm, CreateButton, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { useResourceSchema } from '../schema/use-schema';
import { actOnPlan, INSPECTIONS_RESOURCE, type PlanAction } from './inspection-api';

/**
 * A plan's buttons for whoever manages it (admin, county): 发布计划 while a draft, 结束计划
 * (confirmed: it cannot be undone) once published, and 添加检查学校 until it is closed —
 * the generic inspection form with the plan filled in.
 */
export function PlanActions({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  const inspections = useResourceSchema(INSPECTIONS_RESOURCE);
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  if (!record || record.writable === false) return null;
  const status = String(record.status ?? 'draft');

  async function act(action: PlanAction) {
    if (!record) return;
    setBusy(true);
    try {
      await actOnPlan(record.id, action);
      notify(action === 'publish' ? 'zizhu.inspections.planPublished' : 'zizhu.inspections.planClosed', { type: 'success' });
      refresh();
    } catch (error) {
      const message = apiErrorMessage(error) ?? 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      setConfirmClose(false);
    }
  }

  return (
    <>
      {status !== 'closed' && inspections?.can.create && (
        <CreateButton resource={INSPECTIONS_RESOURCE} label="zizhu.inspections.addSchool" state={{ record: { planId: record.id } }} icon={<AddIcon />} />
      )}
      {schema.can.update && status === 'draft' && (
        <Button label="zizhu.inspections.publishPlan" onClick={() => void act('publish')} disabled={busy}>
          <PublishIcon />
        </Button>
      )}
      {schema.can.update && status === 'published' && (
        <Button label="zizhu.inspections.closePlan" onClick={() => setConfirmClose(true)} disabled={busy}>
          <DoneAllIcon />
        </Button>
      )}
      <Confirm
        isOpen={confirmClose}
        loading={busy}
        title="zizhu.inspections.closeTitle"
        content="zizhu.inspections.closeText"
        confirm="zizhu.inspections.closePlan"
        onConfirm={() => void act('close')}
        onClose={() => setConfirmClose(false)}
      />
    </>
  );
}
