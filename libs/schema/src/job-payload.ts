/**
 * What every background job's status answer carries, whichever job it is: an import
 * (`GET /api/imports/:id`), an export job (`GET /api/export-jobs/:id`), a comparison run
 * (`GET /api/comparisons/:id`). Each adds its own progress figures and outcome.
 */
export interface JobStatusPayload {
  status: string | null;
  progress?: { percent?: number } | null;
}

/** The statuses of a job still on the queue: an import validating or committing, an export or a run running. */
export const RUNNING_JOB_STATUSES: readonly string[] = ['validating', 'committing', 'running'];

export function isJobRunning(status: string | null | undefined): boolean {
  return status != null && RUNNING_JOB_STATUSES.includes(status);
}
