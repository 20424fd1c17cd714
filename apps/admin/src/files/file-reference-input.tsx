import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, CircularProgress, FormHelperText, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useInput, useResourceContext, useTranslate, type Validator } from 'react-admin';
import { uploadFile } from './file-api';
import { AttachedFile } from './file-reference-field';

export interface FileReferenceInputProps {
  source: string;
  validate: Validator[];
  disabled: boolean;
  helperText: string | false;
  /** A configured field's own label; declared fields take theirs from the schema's messages. */
  label?: string;
}

/**
 * A `reference: 'files'` field in a form: choosing a file uploads it at once (the API checks
 * type and size and answers in the user's language), and the field then holds its id; the
 * record links the file when it is saved.
 */
export function FileReferenceInput({ source, validate, disabled, helperText, label }: FileReferenceInputProps) {
  const translate = useTranslate();
  const resource = useResourceContext() ?? '';
  const { field, fieldState, isRequired } = useInput({ source, validate });
  const picker = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const value: unknown = field.value;
  const hasFile = typeof value === 'number' || (typeof value === 'string' && value !== '');

  async function choose(file: File | undefined): Promise<void> {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      field.onChange((await uploadFile(file)).id);
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : translate('zizhu.files.uploadFailed'));
    } finally {
      setUploading(false);
      if (picker.current) picker.current.value = '';
    }
  }

  const error = uploadError ?? (fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : null);
  return (
    <Box sx={{ my: 1 }} data-testid={`file-input-${source}`}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label ?? translate(`resources.${resource}.fields.${source}`, { _: source })}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        {hasFile && <AttachedFile id={value as number | string} />}
        <Button
          variant="outlined"
          size="small"
          disabled={disabled || uploading}
          startIcon={uploading ? <CircularProgress size={16} /> : <UploadFileIcon />}
          onClick={() => picker.current?.click()}
        >
          {translate(uploading ? 'zizhu.files.uploading' : hasFile ? 'zizhu.files.replace' : 'zizhu.files.choose')}
          {isRequired ? ' *' : ''}
        </Button>
        {hasFile && !disabled && (
          <Button size="small" onClick={() => field.onChange(null)}>
            {translate('zizhu.files.remove')}
          </Button>
        )}
        <input
          ref={picker}
          id={`${source}-file`}
          name={`${source}-file`}
          type="file"
          hidden
          accept=".pdf,.jpg,.jpeg,.png,.xlsx,.docx"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </Box>
      <FormHelperText error={Boolean(error)}>
        {error ?? (helperText ? translate(helperText) : translate('zizhu.files.allowed'))}
      </FormHelperText>
    </Box>
  );
}
