import type { ImportMode, ImportStatus } from '@zizhu/schema';
import { IMPORT_MODES, IMPORT_STATUSES, importResource } from './import.resource';

describe('import history declaration', () => {
  it('is written by import jobs only, never through the REST API', () => {
    expect(importResource.access).toMatchObject({ create: [], update: [], delete: [] });
    expect(Object.values(importResource.fields).every((f) => f.readOnly)).toBe(true);
  });

  it('labels every job status and mode the API reports', () => {
    const statuses: ImportStatus[] = ['validating', 'validated', 'committing', 'committed', 'failed', 'cancelled'];
    const modes: ImportMode[] = ['insert', 'update', 'upsert'];
    expect(IMPORT_STATUSES.map((s) => s.value)).toEqual(statuses);
    expect(IMPORT_MODES.map((m) => m.value)).toEqual(modes);
  });

  it('keeps history inside the uploader’s region', () => {
    expect(importResource.scope).toEqual({ kind: 'stored' });
  });
});
