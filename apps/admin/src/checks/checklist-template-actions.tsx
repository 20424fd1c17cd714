import AddIcon from '@mui/icons-material/Add';
import type { ResourceSchema } from '@zizhu/schema';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { RelatedRecordsTable } from '../schema/related-records-table';
import { CHECKLIST_VERSIONS_RESOURCE, newChecklistVersion } from './checklist-api';

/**
 * 新建版本 on a template's page, for whoever designs it: the API copies the latest version
 * (same item keys) or starts one item, and the draft opens in the designer.
 */
export function ChecklistTemplateActions({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  const notify = useNotify();
  const redirect = useRedirect();
  const [busy, setBusy] = useState(false);
  if (!record || !schema.can.update || record.writable === false) return null;

  async function start() {
    setBusy(true);
    try {
      const draft = await newChecklistVersion(record!.id);
      notify('zizhu.checklists.newVersionDone', { type: 'success' });
      redirect('edit', CHECKLIST_VERSIONS_RESOURCE, draft.id);
    } catch (error) {
      notify(apiErrorMessage(error) ?? '', { type: 'error' });
      setBusy(false);
    }
  }

  return (
    <Button label="zizhu.checklists.newVersion" onClick={() => void start()} disabled={busy} data-testid="new-version">
      <AddIcon />
    </Button>
  );
}

/** Under a template: its versions, newest first; a row opens the version (a draft's designer is one click further). */
export function ChecklistTemplateVersions() {
  return (
    <RelatedRecordsTable
      reference={CHECKLIST_VERSIONS_RESOURCE}
      target="templateId"
      title="zizhu.checklists.versions"
      emptyText="zizhu.checklists.versionsEmpty"
      sort={{ field: 'number', order: 'DESC' }}
      perPage={50}
      testId="template-versions"
      rowClick="show"
    />
  );
}
