import EditNoteIcon from '@mui/icons-material/EditNote';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button, type ButtonProps } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { apiErrorMessage } from '../providers/api-error';
import { fillPath, mayFill, startInspection, type InspectionRecord } from './inspection-api';
import { useRole } from './use-role';

export interface FillButtonProps {
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
}

/**
 * 开始检查 on a planned inspection (the API freezes the data items and draws the samples,
 * then the fill page opens), 继续检查 on a started one — for whoever may fill it in. Inside a
 * list row it does not open the row.
 */
export function FillButton({ variant = 'contained', size = 'medium' }: FillButtonProps) {
  const record = useRecordContext<InspectionRecord>();
  const role = useRole();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  if (!record || !mayFill(record, role)) return null;
  const planned = record.status === 'planned';

  async function open(event: MouseEvent) {
    event.stopPropagation();
    if (!record) return;
    if (!planned) {
      navigate(fillPath(record.id));
      return;
    }
    setStarting(true);
    try {
      await startInspection(record.id);
      notify('zizhu.inspections.started', { type: 'success' });
      refresh();
      navigate(fillPath(record.id));
    } catch (error) {
      const message = apiErrorMessage(error) ?? 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setStarting(false);
    }
  }

  return (
    <Button
      variant={variant}
      size={size}
      disabled={starting}
      startIcon={planned ? <PlayArrowIcon /> : <EditNoteIcon />}
      onClick={(event) => void open(event)}
      data-testid="fill-button"
    >
      {translate(planned ? 'zizhu.inspections.start' : 'zizhu.inspections.resume')}
    </Button>
  );
}
