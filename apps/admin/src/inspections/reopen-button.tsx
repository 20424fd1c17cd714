import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { DecisionDialog } from '../schema/decision-dialog';
import { mayReopen, reopenInspection, type InspectionRecord } from './inspection-api';
import { useRole } from './use-role';

/** 重新打开 a submitted inspection (county, city), with a reason the API logs; it can then be filled in and submitted again. */
export function ReopenButton() {
  const record = useRecordContext<InspectionRecord>();
  const role = useRole();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record || !mayReopen(record, role)) return null;
  return (
    <>
      <Button label="zizhu.inspections.reopen" onClick={() => setOpen(true)} color="warning">
        <LockOpenIcon />
      </Button>
      {open && (
        <DecisionDialog
          title={translate('zizhu.inspections.reopenTitle')}
          confirmLabel={translate('zizhu.inspections.reopen')}
          reasonLabel={translate('zizhu.inspections.reopenReason')}
          reasonRequired
          reasonField="reason"
          doneMessage={translate('zizhu.inspections.reopened')}
          send={async (reason) => {
            await reopenInspection(record.id, reason);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
