import { Injectable } from '@nestjs/common';
import type { ImportCounts, ImportMode, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';

export type AuditAction = 'create' | 'update' | 'delete' | 'reveal' | 'export' | 'download' | 'import';

export interface AuditEntry {
  action: AuditAction;
  resource: string;
  recordId: string | number;
  scopePath: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What an import's one audit entry says about it (its `after`). */
export interface ImportAudit {
  importId: number;
  /** The resource the import wrote. */
  resource: string;
  fileName: string;
  mode: ImportMode;
  allOrNothing: boolean;
  counts: ImportCounts;
  /** The import job's own path (its importer's unit). */
  scopePath: string;
}

/** Writes audit rows inside the caller's transaction: no change without its audit row. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, user: SessionUser, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
       VALUES (now(), $1, $2, $3, $4, $5, $6, $7)`,
      [
        user.id,
        entry.action,
        entry.resource,
        String(entry.recordId),
        entry.before && JSON.stringify(entry.before),
        entry.after && JSON.stringify(entry.after),
        entry.scopePath,
      ],
    );
  }

  /**
   * A committed import's one entry (action `import` on the `imports` record, pointing at it):
   * who, which file, mode and counts. The records it wrote are linked to it in `import_records`.
   */
  async recordImport(manager: EntityManager, user: SessionUser, entry: ImportAudit): Promise<void> {
    const { importId, scopePath, ...after } = entry;
    await manager.query(
      `INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path, import_id)
       VALUES (now(), $1, 'import', 'imports', $2, NULL, $3, $4, $5)`,
      [user.id, String(importId), JSON.stringify(after), scopePath, importId],
    );
  }
}
