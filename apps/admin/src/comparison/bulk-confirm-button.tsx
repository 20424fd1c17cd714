import DoneAllIcon from '@mui/icons-material/DoneAll';
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
  useUnselectAll,
} from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';
import { COMPARISONS_RESOURCE } from './progress-api';

export const COMPARISON_RESULTS_RESOURCE = 'comparison-results';

interface ConfirmAnswer {
  confirmed: number;
  skipped: number;
}

/**
 * Bulk action on the results list: confirms the selected results through
 * `POST /comparisons/:id/results/confirm`, one call per run among them. The server confirms
 * only pending questionable results in the caller's scope and skips the rest.
 */
export function BulkConfirmButton() {
  const { selectedIds } = useListContext();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(COMPARISON_RESULTS_RESOURCE);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

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
          { method: 'POST', body: JSON.stringify({ ids }) },
        );
        total.confirmed += json.confirmed;
        total.skipped += json.skipped;
      }
      notify('zizhu.comparison.bulkConfirmDone', { type: 'success', messageArgs: { ...total } });
      unselectAll();
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
        content="zizhu.comparison.bulkConfirmContent"
        translateOptions={{ count: selectedIds.length }}
        onConfirm={() => void confirm()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
