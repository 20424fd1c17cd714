import EditNoteIcon from '@mui/icons-material/EditNote';
import type { ResourceSchema } from '@zizhu/schema';
import { Button, LinkBase, useRecordContext } from 'react-admin';
import { recordPath } from './follow-up-api';

/** 记录回访 on a follow-up's page, for those who may record (the record page says when the campaign is closed). */
export function RecordFollowUpButton({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  if (!record || !schema.can.update) return null;
  return (
    <Button component={LinkBase} to={recordPath(record.id)} label="zizhu.followUps.record" data-testid="follow-up-record-button">
      <EditNoteIcon />
    </Button>
  );
}
