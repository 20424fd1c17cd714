import { type ImportJob, type ImportStatus, isJobRunning } from '@zizhu/schema';
import { type JobProgressState, useJobProgress } from '../jobs/use-job-progress';
import { importJobUrl } from './import-api';

export const isActive = (status: ImportStatus): boolean => isJobRunning(status);

export type ImportJobState = JobProgressState<ImportJob>;

/** `GET /api/imports/<id>`, re-read every 700 ms while the job is validating or committing. */
export function useImportJob(id: number): ImportJobState {
  return useJobProgress<ImportJob>(importJobUrl(id));
}
