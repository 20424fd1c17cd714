import { columnName, type ResourceDeclaration } from '@zizhu/schema';

/**
 * The changes of one field of a resource's records, as rows `(record_id text, at, before_value,
 * after_value)` (values as text), for readers that replay a record's past (a student's status on
 * a payment day): from audit rows that carry the field, and from the imports that wrote the
 * records (`import_records`, at the time of the import's audit entry). An import's link keeps
 * no after-image — an insert sets the field, an update's before-image holds the value replaced
 * — so the value an import wrote is the before of the record's next change of the field, or
 * the record's current value. Only real changes are returned.
 *
 * `records` is SQL yielding the record ids (as text) to read, or one id expression (a
 * correlated `s.id::text`). The field key must come from the declaration, never from input.
 */
export function fieldChangesSql(resource: ResourceDeclaration, field: string, records: string): string {
  const column = columnName(field, resource.fields[field]);
  const name = resource.name;
  const within = /^\s*SELECT\b/i.test(records) ? `IN (${records})` : `= ${records}`;
  return `SELECT c.record_id, c.at, c.before_value, c.after_value FROM (
      SELECT e.record_id, e.at, e.before_value,
             COALESCE(e.after_value, LEAD(e.before_value) OVER (PARTITION BY e.record_id ORDER BY e.at, e.seq), cur."${column}"::text) AS after_value
        FROM (
          SELECT a.record_id, a.at, a.id AS seq, a.before->>'${field}' AS before_value, a.after->>'${field}' AS after_value
            FROM audit_log a
           WHERE a.resource = '${name}' AND a.record_id ${within} AND a.action IN ('update', 'create') AND a.after ? '${field}'
          UNION ALL
          SELECT l.record_id, i.at, i.id, l.before->>'${field}', NULL
            FROM import_records l
            JOIN audit_log i ON i.resource = 'imports' AND i.record_id = l.import_id::text AND i.action = 'import'
           WHERE l.resource = '${name}' AND l.record_id ${within} AND (l.outcome = 'inserted' OR l.before ? '${field}')
        ) e
        JOIN "${resource.table}" cur ON cur.id::text = e.record_id) c
   WHERE c.before_value IS DISTINCT FROM c.after_value`;
}
