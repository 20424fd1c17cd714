/** What `GET /api/export-jobs/<id>` answers: a large export written to a file in the background. */
export type ExportJobStatus = 'running' | 'done' | 'failed';

export interface ExportJob {
  id: number;
  resource: string;
  format: 'xlsx' | 'csv';
  status: ExportJobStatus;
  /** Rows written so far against the list's total for the job's filter. */
  progress: { rows: number; total: number; percent: number };
  /** The file's name for the user (Content-Disposition of the download). */
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
  /** Why the job failed, in the caller's language. */
  message: string | null;
}
