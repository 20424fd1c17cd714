import PublishIcon from '@mui/icons-material/Publish';
import { useState } from 'react';
import type { ResourceSchema } from '@zizhu/schema';
import { Button, HttpError, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { FileDownloadButton } from '../files/file-download-button';
import { API_URL, httpClient } from '../providers/http-client';
import { CHECKLIST_VERSIONS_RESOURCE } from './checklist-api';

const versionUrl = (id: unknown) => `${API_URL}/${CHECKLIST_VERSIONS_RESOURCE}/${encodeURIComponent(String(id))}`;

/** A version's buttons beside 编辑: 发布 while a draft (designers), the Excel sheet always. */
export function ChecklistVersionActions({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const publish = async () => {
    setBusy(true);
    try {
      await httpClient(`${versionUrl(record.id)}/publish`, { method: 'POST', body: '{}' });
      notify('zizhu.checklists.published', { type: 'success' });
      refresh();
    } catch (error) {
      // The API names the item at fault (definition.<path>): open the designer to fix it.
      const errors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> } | null)?.errors : undefined;
      notify([error instanceof Error ? error.message : '', ...Object.values(errors ?? {})].filter(Boolean).join(' — '), { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {record.status === 'draft' && schema.can.update && (
        <Button label="zizhu.checklists.publish" onClick={() => void publish()} disabled={busy}>
          <PublishIcon />
        </Button>
      )}
      <FileDownloadButton url={`${versionUrl(record.id)}/export.xlsx`} fallbackName={`checklist-${String(record.id)}.xlsx`} label="zizhu.checklists.exportSheet" variant="text" size="small" />
    </>
  );
}
