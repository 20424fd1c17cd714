import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Confirm,
  type Identifier,
  type RaRecord,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';
import { COMPARISONS_RESOURCE } from './progress-api';

export const COMPARISON_RESULTS_RESOURCE = 'comparison-results';

interface ConfirmAnswer {
  confirmed: number;
  skipped: number;
}

/** The API's limit on a decision's reason. */
const REASON_MAX = 500;

/**
 * Bulk action on the results list: confirms the selected results, with one optional reason
 * (核实说明) for all, through `POST /comparisons/:id/results/confirm`, one call per run among
 * them. The server confirms every pending exact or questionable match in the caller's scope
 * (what verification progress waits on) and skips the rest (decided, or no student).
 */
export function BulkConfirmButton() {
  const { selectedIds } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(COMPARISON_RESULTS_RESOURCE);
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');

  const confirm = async () => {
    setBusy(true);
    try {
      const { data } = await dataProvider.getMany<RaRecord>(COMPARISON_RESULTS_RESOURCE, { ids: selectedIds });
      const byRun = new Map<Identifier, number[]>();
      for (const record of data) byRun.set(record.comparisonId, [...(byRun.get(record.comparisonId) ?? []), Number(record.id)]);
      const total: ConfirmAnswer = { confirmed: 0, skipped: selectedIds.length - data.length };
      for (const [runId, ids] of byRun) {
        const { json } = await httpClient<ConfirmAnswer>(
          `${API_URL}/${COMPARISONS_RESOURCE}/${encodeURIComponent(String(runId))}/results/confirm`,
          { method: 'POST', body: JSON.stringify({ ids, ...(reason.trim() ? { reason: reason.trim() } : {}) }) },
        );
        total.confirmed += json.confirmed;
        total.skipped += json.skipped;
      }
      notify('zizhu.comparison.bulkConfirmDone', { type: 'success', messageArgs: { ...total } });
      unselectAll();
      setReason('');
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      notify(message || 'ra.notification.http_error', { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      setOpen(false);
      refresh();
    }
  };

  return (
    <>
      <Button label="zizhu.comparison.bulkConfirm" onClick={() => setOpen(true)} disabled={busy}>
        <DoneAllIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="zizhu.comparison.bulkConfirmTitle"
        content={
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2">{translate('zizhu.comparison.bulkConfirmContent', { count: selectedIds.length })}</Typography>
            <TextField
              label={translate('zizhu.comparison.bulkConfirmReason')}
              helperText={translate('zizhu.comparison.bulkConfirmReasonHelp')}
              value={reason}
              onChange={(event) => setReason(event.target.value.slice(0, REASON_MAX))}
              multiline
              minRows={2}
              fullWidth
            />
          </Stack>
        }
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
