import type { ResourceDeclaration, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../errors/api.exception';
import { FILE_MESSAGES } from './file-types';

/** Fields of a resource that hold a file (`reference: 'files'`). */
export function fileFields(resource: ResourceDeclaration): string[] {
  return Object.entries(resource.fields)
    .filter(([, field]) => field.type === 'reference' && field.reference === 'files')
    .map(([key]) => key);
}

/**
 * Links the files a record was just saved with to that record, inside the save's
 * transaction: the file takes the record's scope path, so whoever can see the record can
 * download it, and no one else. A file is linked once: only its uploader may link a fresh
 * one, and a linked one only stays with its own record (no borrowing another school's).
 */
export async function attachFiles(
  manager: EntityManager,
  resource: ResourceDeclaration,
  values: Record<string, unknown>,
  recordId: string | number,
  scopePath: string,
  user: SessionUser,
): Promise<void> {
  for (const key of fileFields(resource)) {
    if (values[key] == null) continue;
    const [, linked] = await manager.query(
      `UPDATE files SET resource = $2, record_id = $3, scope_path = $4
        WHERE id = $1 AND ((resource IS NULL AND uploaded_by = $5) OR (resource = $2 AND record_id = $3))`,
      [values[key], resource.name, String(recordId), scopePath, user.id],
    );
    if (!linked) throw ApiException.validation({ [key]: FILE_MESSAGES.notYours });
  }
}
