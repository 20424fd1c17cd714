import BlockIcon from '@mui/icons-material/Block';
import PublishIcon from '@mui/icons-material/Publish';
import type { ResourceSchema } from '@zizhu/schema';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { API_URL, httpClient } from '../providers/http-client';
import { LETTER_TEMPLATES_RESOURCE } from './letters-api';

/** A template's buttons beside 编辑: 发布 while a draft, 停用 once published. */
export function LetterTemplateActions({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record || !schema.can.update || record.writable === false) return null;
  const act = async (action: 'publish' | 'retire') => {
    setBusy(true);
    try {
      await httpClient(`${API_URL}/${LETTER_TEMPLATES_RESOURCE}/${encodeURIComponent(String(record.id))}/${action}`, { method: 'POST', body: '{}' });
      notify(action === 'publish' ? 'zizhu.letters.published' : 'zizhu.letters.retired', { type: 'success' });
      refresh();
    } catch (error) {
      notify(apiErrorMessage(error) ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  if (record.status === 'draft') {
    return (
      <Button label="zizhu.letters.publish" onClick={() => void act('publish')} disabled={busy}>
        <PublishIcon />
      </Button>
    );
  }
  if (record.status === 'published') {
    return (
      <Button label="zizhu.letters.retire" onClick={() => void act('retire')} disabled={busy}>
        <BlockIcon />
      </Button>
    );
  }
  return null;
}
