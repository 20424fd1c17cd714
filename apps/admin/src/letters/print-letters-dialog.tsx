import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress } from '@mui/material';
import type { LetterBatchStatus } from '@zizhu/schema';
import { useState } from 'react';
import { type RaRecord, useTranslate } from 'react-admin';
import { useFileDownload } from '../files/use-file-download';
import { useJobProgress } from '../jobs/use-job-progress';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { type BatchParams, batchPdfUrl, batchStatusUrl, currentTerm, prepareBatch } from './letters-api';
import { SchoolPicker } from './school-picker';
import { TermFields } from './term-fields';
import { useOwnSchool } from './use-own-school';

/**
 * 打印告知书: one school's letters of a term as a PDF. `POST /letters/batch` says whether it
 * can be downloaded now; a large batch is made in the background first, its status polled.
 */
export function PrintLettersDialog({ onClose }: { onClose(): void }) {
  const translate = useTranslate();
  const own = useOwnSchool();
  const [school, setSchool] = useState<RaRecord | null>(null);
  const [period, setPeriod] = useState(currentTerm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [prepared, setPrepared] = useState<{ params: BatchParams; status: LetterBatchStatus } | null>(null);
  const [pending, setPending] = useState(false);
  const { download, pending: downloading } = useFileDownload();
  const chosen = own.school ?? school;
  const polled = useJobProgress<LetterBatchStatus>(prepared?.status.status === 'running' ? batchStatusUrl(prepared.params) : null);
  const status = polled.job ?? prepared?.status;

  async function prepare() {
    if (!chosen) {
      setErrors({ schoolId: translate('zizhu.letters.school') });
      return;
    }
    const params = { schoolId: Number(chosen.id), ...period };
    setPending(true);
    setErrors({});
    setPrepared(null);
    try {
      const answer = await prepareBatch(params);
      setPrepared({ params, status: answer });
      if (answer.status === 'done') await download(batchPdfUrl(params), `letters-${params.schoolId}.pdf`);
    } catch (error) {
      const fields = apiFieldErrors(error);
      setErrors(Object.keys(fields).length ? fields : { form: apiErrorMessage(error) ?? '' });
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="print-letters-dialog" data-status={status?.status ?? 'idle'}>
      <DialogTitle>{translate('zizhu.letters.print')}</DialogTitle>
      <DialogContent>
        <DialogContentText variant="body2" sx={{ mb: 1 }}>
          {translate('zizhu.letters.printIntro')}
        </DialogContentText>
        {own.role !== 'school' && <SchoolPicker value={school} onChange={setSchool} helperText={errors.schoolId} error={Boolean(errors.schoolId)} />}
        <TermFields year={period.year} term={period.term} onChange={setPeriod} errors={errors} />
        {errors.form && <Alert severity="error">{errors.form}</Alert>}
        {status && (
          <Box sx={{ mt: 2 }} data-testid="letter-batch">
            {status.status === 'running' && (
              <>
                <Alert severity="info">{translate('zizhu.letters.preparing', { letters: status.letters })}</Alert>
                <LinearProgress sx={{ mt: 1 }} aria-label={translate('zizhu.letters.preparing', { letters: status.letters })} />
              </>
            )}
            {status.status === 'done' && <Alert severity="success">{translate('zizhu.letters.ready', { letters: status.letters })}</Alert>}
            {status.status === 'failed' && <Alert severity="error">{status.error ?? translate('zizhu.letters.runFailed')}</Alert>}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('zizhu.letters.close')}</Button>
        {/* Asks again each time: a prepared file is sent at once, a stale one is made again. */}
        <Button
          variant="contained"
          startIcon={pending || downloading ? <CircularProgress size={16} /> : <DownloadIcon />}
          onClick={() => void prepare()}
          disabled={pending || downloading || status?.status === 'running'}
        >
          {translate('zizhu.letters.downloadPdf')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
