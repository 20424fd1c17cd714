import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import type { ReviewBulletinStatus } from '@zizhu/schema';
import { useEffect, useState } from 'react';
import { Button, useNotify } from 'react-admin';
import { useFileDownload } from '../files/use-file-download';
import { useJobProgress } from '../jobs/use-job-progress';
import { apiErrorMessage } from '../providers/api-error';
import { bulletinPdfUrl, bulletinStatusUrl, type ReviewRecord, requestBulletin } from './review-api';

/**
 * 下载季通报: asks the API for the bulletin (printed on the job queue, or at once when it was
 * printed before), polls its state while it prints, then downloads the PDF.
 */
export function BulletinButton({ review }: { review: ReviewRecord }) {
  const notify = useNotify();
  const { download, pending } = useFileDownload();
  const [waiting, setWaiting] = useState(false);
  const { job, error } = useJobProgress<ReviewBulletinStatus>(waiting ? bulletinStatusUrl(review.id) : null);

  useEffect(() => {
    if (!waiting) return;
    if (error) {
      setWaiting(false);
      notify(apiErrorMessage(error) ?? 'ra.notification.http_error', { type: 'error' });
    } else if (job?.status === 'done') {
      setWaiting(false);
      void download(bulletinPdfUrl(review.id), `${review.title}.pdf`);
    } else if (job?.status === 'failed') {
      setWaiting(false);
      notify(job.error ?? 'ra.notification.http_error', { type: 'error' });
    }
  }, [waiting, job, error, download, notify, review.id, review.title]);

  async function ask() {
    try {
      await requestBulletin(review.id);
      setWaiting(true);
    } catch (failure) {
      notify(apiErrorMessage(failure) ?? 'ra.notification.http_error', { type: 'error' });
    }
  }

  const busy = waiting || pending;
  return (
    <Button label={busy ? 'zizhu.reviews.bulletinRunning' : 'zizhu.reviews.bulletin'} onClick={() => void ask()} disabled={busy} data-testid="review-bulletin">
      <PictureAsPdfIcon />
    </Button>
  );
}
