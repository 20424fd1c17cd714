import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FileInfo, SessionUser } from '@zizhu/schema';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../errors/api.exception';
import { findResource } from '../metadata/resource-registry';
import { ResourceReader } from '../rest/resource-reader.service';
import { readScope } from '../scope/scope';
import { fileResource } from './file.resource';
import { checkUpload } from './file-types';

interface FileRow extends FileInfo {
  uploadedBy: number;
  resource: string | null;
  recordId: string | null;
  scopePath: string;
}

const INFO_COLUMNS = `id, name, content_type AS "contentType", size, sha256, uploaded_at AS "uploadedAt",
  uploaded_by AS "uploadedBy", resource, record_id AS "recordId", scope_path AS "scopePath"`;

function info({ id, name, contentType, size, sha256, uploadedAt }: FileRow): FileInfo {
  return { id, name, contentType, size, sha256, uploadedAt };
}

/** Stores uploaded files in PostgreSQL and hands them out to those who may see their record. */
@Injectable()
export class FileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  /** A checked upload, stored with its hash; it belongs to its uploader until a record links it. */
  async store(user: SessionUser, name: string, data: Buffer): Promise<FileInfo> {
    const checked = checkUpload(name, data);
    if ('error' in checked) throw ApiException.validation({ file: checked.error });
    const sha256 = createHash('sha256').update(data).digest('hex');
    return this.db.transaction(async (manager) => {
      const [row]: FileRow[] = await manager.query(
        `INSERT INTO files (name, content_type, size, sha256, uploaded_by, uploaded_at, scope_path)
         VALUES ($1, $2, $3, $4, $5, now(), $6) RETURNING ${INFO_COLUMNS}`,
        [name, checked.contentType, data.length, sha256, user.id, user.scopePath],
      );
      await manager.query(`INSERT INTO file_contents (file_id, data) VALUES ($1, $2)`, [row.id, data]);
      await this.audit.record(manager, user, {
        action: 'create',
        resource: fileResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: null,
        after: { name, contentType: checked.contentType, size: data.length, sha256 },
      });
      return info(row);
    });
  }

  async describe(id: number, user: SessionUser): Promise<FileInfo> {
    return info(await this.findVisible(id, user));
  }

  /** The file's bytes, for a user who can see its record; each download is audited. */
  async download(id: number, user: SessionUser): Promise<{ info: FileInfo; data: Buffer }> {
    const row = await this.findVisible(id, user);
    return this.db.transaction(async (manager) => {
      const [{ data }] = await manager.query(`SELECT data FROM file_contents WHERE file_id = $1`, [row.id]);
      await this.audit.record(manager, user, {
        action: 'download',
        resource: fileResource.name,
        recordId: row.id,
        scopePath: row.scopePath,
        before: null,
        after: { name: row.name, linkedTo: row.resource && `${row.resource}/${row.recordId}` },
      });
      return { info: info(row), data };
    });
  }

  /**
   * A linked file is visible to whoever may list its record's resource and has the record
   * in scope; an unlinked one only to its uploader. Anything else is 404, as if it did not exist.
   */
  private async findVisible(id: number, user: SessionUser): Promise<FileRow> {
    const [row]: FileRow[] = await this.db.query(`SELECT ${INFO_COLUMNS} FROM files WHERE id = $1`, [id]);
    if (!row) throw ApiException.notFound();
    if (row.resource == null) {
      if (row.uploadedBy !== user.id) throw ApiException.notFound();
      return row;
    }
    const owner = findResource(row.resource);
    if (!owner || !owner.access.list.includes(user.role)) throw ApiException.notFound();
    const record = await this.reader.findRow(this.db.manager, owner, String(row.recordId), readScope(owner, user));
    if (!record) throw ApiException.notFound();
    return row;
  }
}
