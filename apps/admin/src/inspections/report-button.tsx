import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useNotify, useRecordContext } from 'react-admin';
import { useFileDownload } from '../files/use-file-download';
import { useJobProgress } from '../jobs/use-job-progress';
import { apiErrorMessage } from '../providers/api-error';
import { reportPdfUrl, reportStatusUrl, requestReport, type InspectionRecord, type ReportStatus } from './inspection-api';

/**
 * 检查报告 of a submitted inspection: asks for it (the API answers at once when the stored
 * report is current, else prints it on the job queue), polls until it is ready, then
 * downloads the PDF.
 */
export function ReportButton() {
  const record = useRecordContext<InspectionRecord>();
  const notify = useNotify();
  const { download, pending } = useFileDownload();
  const [waiting, setWaiting] = useState(false);
  const id = record?.id;
  const { job, error } = useJobProgress<ReportStatus>(waiting && id !== undefined ? reportStatusUrl(id) : null);
  const fallbackName = `检查报告-${String(id)}.pdf`;

  useEffect(() => {
    if (!waiting || id === undefined) return;
    if (job?.status === 'done') {
      setWaiting(false);
      void download(reportPdfUrl(id), fallbackName);
    } else if (job?.status === 'failed' || error) {
      setWaiting(false);
      const message = job?.error ?? apiErrorMessage(error) ?? '';
      notify('zizhu.inspections.reportFailed', { type: 'error', messageArgs: { message } });
    }
  }, [waiting, job, error, id, download, fallbackName, notify]);

  if (!record || record.status !== 'submitted') return null;

  async function ask() {
    if (id === undefined) return;
    try {
      const answer = await requestReport(id);
      if (answer.status === 'done') await download(reportPdfUrl(id), fallbackName);
      else setWaiting(true);
    } catch (failure) {
      notify('zizhu.inspections.reportFailed', { type: 'error', messageArgs: { message: apiErrorMessage(failure) ?? '' } });
    }
  }

  const busy = waiting || pending;
  return (
    <Button label={busy ? 'zizhu.inspections.reportRunning' : 'zizhu.inspections.report'} onClick={() => void ask()} disabled={busy} data-testid="report-button">
      {busy ? <CircularProgress size={16} /> : <PictureAsPdfIcon />}
    </Button>
  );
}
