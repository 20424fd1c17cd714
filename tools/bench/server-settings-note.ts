import { REPORTED_SETTINGS } from '@zizhu/api/engine/database/server-settings';

/** The server's version and the settings a measurement depends on, printed beside its figures. */
export async function serverSettingsNote(db: { query(sql: string, parameters?: unknown[]): Promise<{ name: string; setting: string }[]> }): Promise<string> {
  const rows = await db.query(
    `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1::text[]) ORDER BY array_position($1::text[], name::text)`,
    [REPORTED_SETTINGS],
  );
  return `PostgreSQL settings: ${rows.map((row) => `${row.name}=${row.setting}`).join(', ')}`;
}
