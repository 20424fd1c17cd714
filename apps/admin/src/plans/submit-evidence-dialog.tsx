import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { FieldSchema } from '@zizhu/schema';
import { useMemo } from 'react';
import { Form, ResourceContextProvider, SaveButton, useNotify, useTranslate, type Identifier } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { FieldInput } from '../schema/field-input';
import { useResourceSchema } from '../schema/use-schema';
import { OCCURRENCES_RESOURCE, submitOccurrence } from './plans-api';

/** What the unit submits, in the order asked (declared read-only on the occurrence: only this action sets them). */
const SUBMISSION_KEYS = ['evidenceFileId', 'note'] as const;

export interface SubmitTarget {
  id: Identifier;
  title: string;
  version: unknown;
  evidenceExpected?: string | null;
  evidenceFileId?: unknown;
  note?: unknown;
}

/**
 * 提交佐证 for a manual duty: the evidence file (uploaded at once, linked when submitted) and
 * a note. The API's field errors stay on their inputs.
 */
export function SubmitEvidenceDialog({ target, onClose, onDone }: { target: SubmitTarget; onClose(): void; onDone(): void }) {
  const schema = useResourceSchema(OCCURRENCES_RESOURCE);
  const translate = useTranslate();
  const notify = useNotify();
  const fields = useMemo<FieldSchema[]>(
    () =>
      SUBMISSION_KEYS.flatMap((key) => schema?.fields.filter((f) => f.key === key) ?? []).map((field) => ({
        ...field,
        readOnly: false,
        required: field.key === 'evidenceFileId',
      })),
    [schema],
  );
  const start = { evidenceFileId: target.evidenceFileId ?? undefined, note: target.note ?? undefined };

  async function submit(values: Record<string, unknown>): Promise<Record<string, string> | undefined> {
    try {
      await submitOccurrence(target.id, { evidenceFileId: values.evidenceFileId ?? null, note: values.note ?? null, version: target.version });
      notify('zizhu.plans.submitted', { type: 'success' });
      onDone();
      onClose();
      return undefined;
    } catch (error) {
      const errors = apiFieldErrors(error);
      if (Object.keys(errors).length > 0) return errors;
      const message = apiErrorMessage(error) ?? 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      return undefined;
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <ResourceContextProvider value={OCCURRENCES_RESOURCE}>
        <Form record={start} onSubmit={submit}>
          <DialogTitle>{translate('zizhu.plans.submitTitle', { title: target.title })}</DialogTitle>
          <DialogContent>
            <DialogContentText variant="body2" sx={{ mb: 1 }}>
              {translate('zizhu.plans.submitHelp')}
              {target.evidenceExpected ? ` ${translate('zizhu.plans.evidenceExpected', { text: target.evidenceExpected })}` : ''}
            </DialogContentText>
            {fields.map((field) => (
              <FieldInput key={field.key} field={field} mode="create" source={field.key} />
            ))}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{translate('zizhu.plans.cancel')}</Button>
            <SaveButton label="zizhu.plans.submit" icon={<></>} alwaysEnable />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
}
