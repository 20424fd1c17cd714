import type { ImportJob } from '@zizhu/schema';
import CheckIcon from '@mui/icons-material/Check';
import {
  Alert,
  Button,
  CircularProgress,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { commitImport } from './import-api';

type Choice = 'validOnly' | 'allOrNothing';

export interface CommitPanelProps {
  job: ImportJob;
  onCommitted(): void;
}

/** Step 4: what to do with rows that have errors, then 确认导入. */
export function CommitPanel({ job, onCommitted }: CommitPanelProps) {
  const translate = useTranslate();
  // A reload keeps the choice the officer last tried (the API records it with a refusal).
  const [choice, setChoice] = useState<Choice>(job.allOrNothing ? 'allOrNothing' : 'validOnly');
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { counts } = job;
  const allOrNothing = choice === 'allOrNothing';
  const writes = counts.new + counts.toUpdate;

  const commit = async (): Promise<void> => {
    setPending(true);
    setRefusal(null);
    try {
      await commitImport(job.id, allOrNothing);
      onCommitted();
    } catch (error) {
      setRefusal(apiErrorMessage(error) ?? translate('zizhu.import.commitFailed'));
    } finally {
      setPending(false);
    }
  };

  const summary =
    writes === 0
      ? translate('zizhu.import.commitNothing')
      : allOrNothing && counts.invalid > 0
        ? translate('zizhu.import.commitBlocked', { smart_count: counts.invalid })
        : [
            translate('zizhu.import.commitWillWrite', { new: counts.new, update: counts.toUpdate }),
            counts.invalid > 0 ? translate('zizhu.import.commitSkipped', { smart_count: counts.invalid }) : '',
          ].join(translate('zizhu.import.sentenceGap'));

  return (
    <section data-testid="import-commit">
      <Typography variant="h6" component="h2">
        {translate('zizhu.import.commitTitle')}
      </Typography>
      <RadioGroup
        value={choice}
        onChange={(event) => {
          setChoice(event.target.value as Choice);
          setRefusal(null);
        }}
      >
        {(['validOnly', 'allOrNothing'] as const).map((option) => (
          <FormControlLabel
            key={option}
            value={option}
            control={<Radio size="small" />}
            sx={{ alignItems: 'flex-start', mt: 1, '& .MuiRadio-root': { pt: 0.25 } }}
            label={
              <span>
                <Typography component="span" variant="body1" sx={{ display: 'block' }}>
                  {translate(`zizhu.import.commit${option === 'validOnly' ? 'ValidOnly' : 'AllOrNothing'}`)}
                </Typography>
                <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                  {translate(`zizhu.import.commit${option === 'validOnly' ? 'ValidOnly' : 'AllOrNothing'}Hint`)}
                </Typography>
              </span>
            }
          />
        ))}
      </RadioGroup>
      {refusal ? (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="commit-error">
          {refusal}
        </Alert>
      ) : (
        <Alert severity={writes === 0 || (allOrNothing && counts.invalid > 0) ? 'warning' : 'info'} sx={{ mt: 2 }}>
          {summary}
        </Alert>
      )}
      <Stack direction="row" sx={{ mt: 2 }}>
        <Button
          variant="contained"
          size="large"
          disabled={pending || writes === 0}
          startIcon={pending ? <CircularProgress size={18} color="inherit" /> : <CheckIcon />}
          onClick={() => void commit()}
        >
          {translate('zizhu.import.commitButton')}
        </Button>
      </Stack>
    </section>
  );
}
