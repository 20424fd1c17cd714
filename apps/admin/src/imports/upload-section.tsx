import type { ImportLimits, ImportMode, ResourceSchema } from '@zizhu/schema';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useNavigate, useTranslate } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { useLoaded } from '../providers/use-loaded';
import { fetchImportLimits, importJobPath, startImport } from './import-api';
import { defaultImportMode, importModes } from './import-modes';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** Step 2: the file and the mode; the upload starts a job and opens its page. */
export function UploadSection({ schema }: { schema: ResourceSchema }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const modes = importModes(schema);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode | undefined>(defaultImportMode(schema));
  const [pending, setPending] = useState(false);
  const [commitWhileReading, setCommitWhileReading] = useState(false);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [failure, setFailure] = useState<string[] | null>(null);
  const { data: limits } = useLoaded('limits', fetchImportLimits);
  const limitValues = limits && limitArguments(limits);

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const chosen = event.target.files?.[0] ?? null;
    // Past a limit the API would refuse it anyway: say so before uploading.
    const tooLarge = chosen && limits && chosen.size > limits.fileBytes;
    const tooLong = chosen && limits && [...chosen.name].length > limits.fileNameChars;
    setFile(tooLarge || tooLong ? null : chosen);
    // Large files are read, checked and written in one pass unless the officer asks for a preview.
    if (chosen && limits) setCommitWhileReading(chosen.size >= limits.commitWhileReadingBytes);
    setFailure(tooLarge ? [translate('zizhu.import.fileTooLarge', limitValues)] : tooLong ? [translate('zizhu.import.fileNameTooLong', limitValues)] : null);
  };

  const upload = async (): Promise<void> => {
    if (!file || !mode) return;
    setPending(true);
    setFailure(null);
    try {
      const id = await startImport(schema.name, file, mode, { commitWhileReading, allOrNothing });
      navigate(importJobPath(id));
    } catch (error) {
      setFailure([apiErrorMessage(error) ?? translate('zizhu.import.uploadFailed'), ...Object.values(apiFieldErrors(error))]);
      setPending(false);
    }
  };

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('zizhu.import.uploadTitle')}
        </Typography>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button component="label" variant="outlined" startIcon={<AttachFileIcon />}>
              {translate('zizhu.import.chooseFile')}
              <input type="file" hidden accept={ACCEPT} onChange={choose} data-testid="import-file" />
            </Button>
            <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} data-testid="import-file-name">
              {file ? file.name : translate('zizhu.import.noFile')}
            </Typography>
          </Stack>
          {limitValues && (
            <Typography variant="body2" color="text.secondary" data-testid="import-limits">
              {translate('zizhu.import.limits', limitValues)}
            </Typography>
          )}
          <FormControl>
            <FormLabel id="import-mode-label">{translate('zizhu.import.modeLabel')}</FormLabel>
            <RadioGroup
              aria-labelledby="import-mode-label"
              value={mode ?? ''}
              onChange={(event) => setMode(event.target.value as ImportMode)}
            >
              {modes.map((option) => (
                <FormControlLabel
                  key={option}
                  value={option}
                  control={<Radio size="small" />}
                  label={
                    <span>
                      {translate(`zizhu.import.modes.${option}`)}
                      {option === 'upsert' && translate('zizhu.import.recommended')}
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                        {translate(`zizhu.import.modeHints.${option}`)}
                      </Typography>
                    </span>
                  }
                />
              ))}
            </RadioGroup>
          </FormControl>
          <Stack>
            <FormControlLabel
              control={
                <Switch
                  checked={commitWhileReading}
                  onChange={(event) => setCommitWhileReading(event.target.checked)}
                  slotProps={{ input: { 'aria-describedby': 'commit-while-reading-hint' } }}
                  data-testid="commit-while-reading"
                />
              }
              label={translate('zizhu.import.commitWhileReading')}
            />
            <Typography id="commit-while-reading-hint" variant="body2" color="text.secondary">
              {translate('zizhu.import.commitWhileReadingHint', { size: limits ? Math.floor(limits.commitWhileReadingBytes / MB) : '' })}
            </Typography>
            {commitWhileReading && (
              <FormControlLabel
                control={<Checkbox size="small" checked={allOrNothing} onChange={(event) => setAllOrNothing(event.target.checked)} data-testid="all-or-nothing" />}
                label={translate('zizhu.import.allOrNothingUpload')}
              />
            )}
          </Stack>
          {failure && (
            <Alert severity="error" data-testid="upload-error">
              {failure.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </Alert>
          )}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button
              variant="contained"
              disabled={!file || !mode || pending}
              startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <UploadFileIcon />}
              onClick={() => void upload()}
            >
              {translate(commitWhileReading ? 'zizhu.import.uploadAndCommit' : 'zizhu.import.upload')}
            </Button>
            <Typography variant="body2" color="text.secondary">
              {translate(commitWhileReading ? 'zizhu.import.uploadAndCommitHint' : 'zizhu.import.uploadHint')}
            </Typography>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}

const MB = 1024 * 1024;

function limitArguments(limits: ImportLimits): Record<string, string> {
  const n = (value: number) => value.toLocaleString('en-US');
  return {
    size: n(Math.floor(limits.fileBytes / MB)),
    rows: n(limits.rows),
    columns: n(limits.columns),
    cellChars: n(limits.cellChars),
    lineBytes: n(limits.csvLineBytes),
    nameChars: n(limits.fileNameChars),
  };
}
