import type { FieldSchema, ResourceSchema } from '@zizhu/schema';
import { Box } from '@mui/material';
import { type ReactNode, useMemo } from 'react';
import { Form, RadioButtonGroupInput, required, SaveButton, useNotify, type RaRecord } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { fieldChoices } from '../schema/field-choices';
import { FieldInput } from '../schema/field-input';
import { fieldLabelKey } from '../schema/schema-messages';
import { FOLLOW_UPS_RESOURCE, RECORD_KEYS, recordFollowUp } from './follow-up-api';

export interface FollowUpRecordFormProps {
  schema: ResourceSchema;
  record: RaRecord;
  /** After a save: the follow-up as stored (its `clueId` says whether a clue was opened). */
  onSaved(saved: Record<string, unknown>): void;
}

const REACHED_REQUIRED = required();

const REACHED_CHOICES = [
  { id: 'yes', name: 'zizhu.followUps.reachedYes' },
  { id: 'no', name: 'zizhu.followUps.reachedNo' },
];

/**
 * The call or visit as a school officer records it on a phone: one column, big choices, only
 * the questions that apply (the answers once the family was reached, the family's figure when
 * it differs, the photo for a visit). The API's field errors land on their inputs.
 */
export function FollowUpRecordForm({ schema, record, onSaved }: FollowUpRecordFormProps) {
  const notify = useNotify();
  const field = (key: string): FieldSchema | undefined => schema.fields.find((f) => f.key === key);
  const start = useMemo(() => {
    const values: Record<string, unknown> = Object.fromEntries(RECORD_KEYS.map((key) => [key, record[key] ?? null]));
    // A pending follow-up is usually recorded right after the call, and asks whether it reached the family.
    if (record.status !== 'done') Object.assign(values, { contactedAt: values.contactedAt ?? new Date().toISOString(), reached: null });
    return values;
  }, [record]);

  async function submit(values: Record<string, unknown>): Promise<Record<string, string> | undefined> {
    try {
      onSaved(await recordFollowUp(record.id, values, record.version));
      return undefined;
    } catch (error) {
      const errors = apiFieldErrors(error);
      if (Object.keys(errors).length > 0) return errors;
      const message = apiErrorMessage(error) ?? 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      return undefined;
    }
  }

  const input = (key: string) => {
    const declared = field(key);
    return declared ? <FieldInput key={key} field={declared} mode="create" source={key} /> : null;
  };
  const choices = (key: string) => {
    const declared = field(key);
    return declared ? (
      <RadioButtonGroupInput key={key} source={key} label={fieldLabelKey(FOLLOW_UPS_RESOURCE, key)} choices={fieldChoices(FOLLOW_UPS_RESOURCE, declared)} row={false} />
    ) : null;
  };

  return (
    <Form record={start} onSubmit={submit}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid="follow-up-record-form">
        {input('contactedAt')}
        <RadioButtonGroupInput
          source="reached"
          label={fieldLabelKey(FOLLOW_UPS_RESOURCE, 'reached')}
          choices={REACHED_CHOICES}
          format={(value: unknown) => (value === true ? 'yes' : value === false ? 'no' : '')}
          parse={(value: string) => value === 'yes'}
          validate={REACHED_REQUIRED}
          row
        />
        <WhenReached>
          {input('contactName')}
          {input('knewPolicy')}
          {choices('amountCheck')}
          <WhenAmountDiffers>{input('reportedAmount')}</WhenAmountDiffers>
          {choices('satisfaction')}
        </WhenReached>
        {input('notes')}
        {record.kind === 'visit' && input('evidenceFileId')}
        <SaveButton label="zizhu.followUps.save" size="large" fullWidth alwaysEnable sx={{ mt: 2 }} />
      </Box>
    </Form>
  );
}

function WhenReached({ children }: { children: ReactNode }) {
  return useWatch({ name: 'reached' }) === true ? <>{children}</> : null;
}

function WhenAmountDiffers({ children }: { children: ReactNode }) {
  return useWatch({ name: 'amountCheck' }) === 'different' ? <>{children}</> : null;
}
