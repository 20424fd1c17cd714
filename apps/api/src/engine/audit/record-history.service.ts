import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditLogResource } from '@zizhu/access';
import { RECORD_HISTORY_LIMIT, type RecordHistoryEntry, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import type { DataSource } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { whereClause } from '../rest/list-query';
import { ResourceReader } from '../rest/resource-reader.service';
import { readScope } from '../scope/scope';

interface HistoryRow {
  sort_id: number;
  at: Date;
  user_id: number | null;
  user_name: string | null;
  action: RecordHistoryEntry['action'];
  import_id: number | null;
  import_file: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * A record's history: its audit rows (scoped like the audit log) and the imports that wrote it,
 * from their links (`import_records`), each shown as the import's write of the record, at the
 * time and by the user of the import's one audit entry, with the values an update replaced.
 * For users who may read the audit log and the record.
 */
@Injectable()
export class RecordHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
  ) {}

  async history(resource: ResourceDeclaration, id: string, user: SessionUser): Promise<RecordHistoryEntry[]> {
    if (!auditLogResource.access.list.includes(user.role)) throw ApiException.forbidden();
    const record = await this.reader.findRow(this.db.manager, resource, id, readScope(resource, user));
    if (!record) throw ApiException.notFound();
    const recordId = String(record.id);
    const params: unknown[] = [resource.name, recordId];
    const scope = whereClause(readScope(auditLogResource, user), params);
    const rows: HistoryRow[] = await this.db.query(
      `(SELECT t.id AS sort_id, t.at, t.user_id, u.display_name AS user_name, t.action, t.import_id, i.file_name AS import_file, t.before, t.after
          FROM audit_log t LEFT JOIN users u ON u.id = t.user_id LEFT JOIN imports i ON i.id = t.import_id
         WHERE t.resource = $1 AND t.record_id = $2 AND ${scope}
         ORDER BY t.id DESC LIMIT ${RECORD_HISTORY_LIMIT})
       UNION ALL
       (SELECT COALESCE(a.id, 0), COALESCE(a.at, i.finished_at, i.started_at), COALESCE(a.user_id, i.user_id), u.display_name,
               CASE l.outcome WHEN 'inserted' THEN 'create' ELSE 'update' END, l.import_id, i.file_name, l.before, NULL
          FROM import_records l
          JOIN imports i ON i.id = l.import_id
          LEFT JOIN audit_log a ON a.resource = 'imports' AND a.record_id = l.import_id::text AND a.action = 'import'
          LEFT JOIN users u ON u.id = COALESCE(a.user_id, i.user_id)
         WHERE l.resource = $1 AND l.record_id = $2
         ORDER BY l.import_id DESC LIMIT ${RECORD_HISTORY_LIMIT})
       ORDER BY at DESC, sort_id DESC
       LIMIT ${RECORD_HISTORY_LIMIT}`,
      params,
    );
    return rows.map((row) => ({
      at: row.at.toISOString(),
      userId: row.user_id,
      userName: row.user_name,
      action: row.action,
      importId: row.import_id,
      importFile: row.import_file,
      before: row.before,
      after: row.after,
    }));
  }
}
