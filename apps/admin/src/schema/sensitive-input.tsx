import { FIELD_TYPES, findIdNumberFault, isMasked, normalizeIdNumber, type FieldSchema } from '@zizhu/schema';
import { InputAdornment } from '@mui/material';
import { TextInput, type Validator } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { CommonProps } from './field-input-props';
import type { FormMode } from './field-widget';
import { MONOSPACE_FONT } from './monospace';
import { RevealButton } from './reveal-button';

const MONOSPACE = { '& input': { fontFamily: MONOSPACE_FONT } };

/** An ID number's fault as the panel's message key, before the server is asked. */
export const idNumberFormat: Validator = (value) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const fault = findIdNumberFault(normalizeIdNumber(value));
  return fault ? `zizhu.idNumber.${fault}` : undefined;
};

/** ID numbers, phones, accounts: typed in plain, shown masked as the API sent them, revealable on edit. */
export function SensitiveInput({ field, mode, common, inputType = 'text' }: { field: FieldSchema; mode: FormMode; common: CommonProps; inputType?: 'text' | 'tel' }) {
  const { setValue } = useFormContext();
  const value: unknown = useWatch({ name: common.source });
  const revealable = mode === 'edit' && field.sensitive?.canReveal === true && isMasked(value);
  const endAdornment = revealable ? (
    <InputAdornment position="end">
      <RevealButton field={field.key} onRevealed={(plain) => setValue(common.source, plain, { shouldDirty: true })} />
    </InputAdornment>
  ) : undefined;
  return (
    <TextInput
      {...common}
      type={inputType}
      sx={FIELD_TYPES[field.type].monospace ? MONOSPACE : undefined}
      slotProps={endAdornment ? { input: { endAdornment } } : undefined}
    />
  );
}
