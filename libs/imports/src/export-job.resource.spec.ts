import type { ExportJobStatus } from '@zizhu/schema';
import { EXPORT_JOB_STATUSES, exportJobResource } from './export-job.resource';

describe('export job declaration', () => {
  it('is written by export jobs only, never through the REST API', () => {
    expect(exportJobResource.access).toMatchObject({ create: [], update: [], delete: [] });
    expect(Object.values(exportJobResource.fields).every((f) => f.readOnly)).toBe(true);
  });

  it('labels every job status the API reports, and stays inside the exporter’s region', () => {
    const statuses: ExportJobStatus[] = ['running', 'done', 'failed'];
    expect(EXPORT_JOB_STATUSES.map((s) => s.value)).toEqual(statuses);
    expect(exportJobResource.scope).toEqual({ kind: 'stored' });
  });
});
