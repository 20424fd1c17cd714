/**
 * One line of a record's history (`GET /api/record-history/:resource/:id`, newest first):
 * an audit row, or the record's write by an import ("imported by import N", 导入批次 N), read
 * from the import's link to the record (`import_records`).
 */
export interface RecordHistoryEntry {
  at: string;
  userId: number | null;
  /** The user's display name, when the user still exists. */
  userName: string | null;
  action: 'create' | 'update' | 'delete' | 'reveal' | 'export' | 'download' | 'import';
  /** The import that wrote this change; null for every other write. */
  importId: number | null;
  /** The imported file's name, with `importId`. */
  importFile: string | null;
  /** The values replaced (an update; masked like every audit snapshot). */
  before: Record<string, unknown> | null;
  /** The values written, where the audit row keeps them (an import's are the record's next `before`). */
  after: Record<string, unknown> | null;
}

/** How many lines a record's history returns at most (the newest). */
export const RECORD_HISTORY_LIMIT = 200;
