import { type AnswerFile, inspectionResource } from '@zizhu/checks';
import type { Localized, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import { FILE_MESSAGES } from '../../engine/files/file-types';

/**
 * Links the files an inspection's answers name (evidence, photo items) to the inspection,
 * as a record's file field is linked on save: the file takes the inspection's scope path,
 * so whoever reads the inspection downloads it. A file must be the user's own fresh upload
 * or already the inspection's; any other (unknown, another record's, someone else's
 * upload) is a 422 on the answer's path and nothing is saved.
 */
export async function linkAnswerFiles(manager: EntityManager, inspection: Record<string, unknown>, files: readonly AnswerFile[], user: SessionUser): Promise<void> {
  if (!files.length) return;
  const ids = [...new Set(files.map((file) => file.fileId))];
  const [rows]: [{ id: number }[]] = await manager.query(
    `UPDATE files SET resource = $2, record_id = $3, scope_path = $4
      WHERE id = ANY($1::int[]) AND ((resource IS NULL AND uploaded_by = $5) OR (resource = $2 AND record_id = $3))
      RETURNING id`,
    [ids, inspectionResource.name, String(inspection.id), inspection.scopePath, user.id],
  );
  const linked = new Set(rows.map((row) => Number(row.id)));
  const errors: Record<string, Localized> = {};
  for (const file of files) if (!linked.has(file.fileId)) errors[file.path] = FILE_MESSAGES.notYours;
  if (Object.keys(errors).length) throw ApiException.validation(errors);
}
