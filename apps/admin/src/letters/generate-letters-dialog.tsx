import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, MenuItem, TextField } from '@mui/material';
import type { JobStatusPayload, Localized } from '@zizhu/schema';
import { useEffect, useState } from 'react';
import { type RaRecord, useGetList, useLocaleState, useRefresh, useTranslate } from 'react-admin';
import { useJobProgress } from '../jobs/use-job-progress';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { currentTerm, generateLetters, LETTER_TEMPLATES_RESOURCE, letterRunUrl } from './letters-api';
import { SchoolPicker } from './school-picker';
import { TermFields } from './term-fields';
import { useOwnSchool } from './use-own-school';

interface LetterRun extends JobStatusPayload {
  counts: Record<string, number> | null;
  message: Localized | null;
}

/** 生成告知书: a school's (or the whole region's) letters for a term, made by a job whose progress shows here. */
export function GenerateLettersDialog({ onClose }: { onClose(): void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const own = useOwnSchool();
  const [school, setSchool] = useState<RaRecord | null>(null);
  const [period, setPeriod] = useState(currentTerm);
  const [templateId, setTemplateId] = useState<number | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [runId, setRunId] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const { data: templates = [] } = useGetList(LETTER_TEMPLATES_RESOURCE, { filter: { status: 'published' }, pagination: { page: 1, perPage: 100 } });
  const { job: run } = useJobProgress<LetterRun>(runId === null ? null : letterRunUrl(runId));
  const chosen = own.school ?? school;

  useEffect(() => {
    if (templateId === '' && templates.length) setTemplateId(Number(templates[0].id));
  }, [templates, templateId]);
  useEffect(() => {
    if (run?.status === 'done') refresh();
  }, [run?.status, refresh]);

  async function start() {
    setPending(true);
    setErrors({});
    try {
      const target = chosen ? { schoolId: Number(chosen.id) } : { regionId: own.regionId };
      const started = await generateLetters({ ...target, ...period, templateId: Number(templateId) });
      setRunId(started.id);
    } catch (error) {
      const fields = apiFieldErrors(error);
      setErrors(Object.keys(fields).length ? fields : { form: apiErrorMessage(error) ?? '' });
    } finally {
      setPending(false);
    }
  }

  const message = run?.message ? (locale.startsWith('en') ? run.message.en : run.message.zh) : null;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="generate-letters-dialog" data-status={run?.status ?? 'idle'}>
      <DialogTitle>{translate('zizhu.letters.generate')}</DialogTitle>
      <DialogContent>
        <DialogContentText variant="body2" sx={{ mb: 1 }}>
          {translate('zizhu.letters.generateIntro')}
        </DialogContentText>
        {own.role !== 'school' && (
          <SchoolPicker value={school} onChange={setSchool} helperText={errors.schoolId ?? errors.regionId ?? translate('zizhu.letters.wholeRegion')} error={Boolean(errors.schoolId ?? errors.regionId)} />
        )}
        <TermFields year={period.year} term={period.term} onChange={setPeriod} errors={errors} />
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('zizhu.letters.template')}
          value={templateId}
          onChange={(e) => setTemplateId(Number(e.target.value))}
          error={Boolean(errors.templateId)}
          helperText={errors.templateId}
        >
          {templates.map((template) => (
            <MenuItem key={template.id} value={Number(template.id)}>
              {String(template.name)}
            </MenuItem>
          ))}
        </TextField>
        {errors.form && <Alert severity="error">{errors.form}</Alert>}
        {run && (
          <Box sx={{ mt: 2 }} data-testid="letter-run">
            {run.status === 'running' && <LinearProgress variant="determinate" value={run.progress?.percent ?? 0} aria-label={translate('zizhu.letters.running')} />}
            {run.status === 'done' && run.counts && <Alert severity="success">{translate('zizhu.letters.runDone', { ...run.counts })}</Alert>}
            {run.status === 'failed' && <Alert severity="error">{message ?? translate('zizhu.letters.runFailed')}</Alert>}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('zizhu.letters.close')}</Button>
        <Button variant="contained" onClick={() => void start()} disabled={pending || run?.status === 'running' || templateId === ''}>
          {translate('zizhu.letters.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
