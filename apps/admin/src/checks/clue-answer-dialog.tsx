import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useMemo } from 'react';
import { Form, SaveButton, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { FieldInput } from '../schema/field-input';
import { useResourceSchema } from '../schema/use-schema';
import { answerClue, CLUE_ANSWER_KEYS, CLUE_ANSWER_REQUIRED, CLUES_RESOURCE, inspectorReviews } from './clue-api';

/**
 * The school's answer to a clue: the declared answer fields (read-only on the clue itself)
 * as inputs — verdict, finding, rectification and the two evidence files (uploaded at once,
 * linked when the answer is saved). The API's field errors stay on their inputs.
 */
export function ClueAnswerDialog({ onClose }: { onClose(): void }) {
  const record = useRecordContext();
  const schema = useResourceSchema(CLUES_RESOURCE);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fields = useMemo(
    () =>
      CLUE_ANSWER_KEYS.flatMap((key) => schema?.fields.filter((f) => f.key === key) ?? []).map((field) => ({
        ...field,
        readOnly: false,
        required: CLUE_ANSWER_REQUIRED.includes(field.key),
      })),
    [schema],
  );
  if (!record) return null;
  // A returned answer is edited, not retyped.
  const start = Object.fromEntries(CLUE_ANSWER_KEYS.map((key) => [key, record[key] ?? undefined]));

  async function submit(values: Record<string, unknown>): Promise<Record<string, string> | undefined> {
    try {
      await answerClue(record!.id, { ...Object.fromEntries(CLUE_ANSWER_KEYS.map((key) => [key, values[key] ?? null])), version: record!.version });
      notify('zizhu.clues.answered', { type: 'success' });
      refresh();
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
      <Form record={start} onSubmit={submit}>
        <DialogTitle>{translate('zizhu.clues.answerTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 1 }}>
            {translate(inspectorReviews(record.source) ? 'zizhu.clues.answerFindingHelp' : 'zizhu.clues.answerHelp')}
          </DialogContentText>
          {fields.map((field) => (
            <FieldInput key={field.key} field={field} mode="create" source={field.key} />
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('zizhu.clues.cancel')}</Button>
          <SaveButton label="zizhu.clues.answerSubmit" icon={<></>} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
