import VisibilityIcon from '@mui/icons-material/Visibility';
import { Button, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import type { ZizhuDataProvider } from '../providers/data-provider';

export interface RevealButtonProps {
  field: string;
  onRevealed(value: string): void;
}

/** Asks the API for the plain value of one masked field of the current record (audited). */
export function RevealButton({ field, onRevealed }: RevealButtonProps) {
  const record = useRecordContext();
  const resource = useResourceContext();
  const dataProvider = useDataProvider<ZizhuDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  if (!record || !resource) return null;

  const reveal = async (): Promise<void> => {
    setPending(true);
    try {
      onRevealed(await dataProvider.reveal(resource, record.id, field));
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'zizhu.revealFailed';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
    }
  };

  return (
    <Tooltip title={translate('zizhu.revealHint')}>
      <Button
        size="small"
        startIcon={<VisibilityIcon fontSize="small" />}
        disabled={pending}
        onClick={(event) => {
          event.stopPropagation();
          void reveal();
        }}
        aria-label={`${translate('zizhu.reveal')} ${translate(`resources.${resource}.fields.${field}`)}`}
        sx={{ minWidth: 0, whiteSpace: 'nowrap' }}
      >
        {translate('zizhu.reveal')}
      </Button>
    </Tooltip>
  );
}
