import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';

export type AuditAction = 'create' | 'update' | 'delete' | 'reveal' | 'export' | 'download';

export interface AuditEntry {
  action: AuditAction;
  resource: string;
  recordId: string | number;
  scopePath: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
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
}
