import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { RecordHistoryEntry, ResourceSchema } from '@zizhu/schema';
import { Link as RouterLink } from 'react-router-dom';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';
import { type HistoryChange, historyChanges, withImportAfterImages } from './record-history-changes';
import { useResourceSchema } from './use-schema';

const AUDIT_LOG = 'audit-log';

export async function fetchRecordHistory(resource: string, id: string | number): Promise<RecordHistoryEntry[]> {
  const { json } = await httpClient<RecordHistoryEntry[]>(`${API_URL}/record-history/${encodeURIComponent(resource)}/${encodeURIComponent(String(id))}`);
  return json;
}

/**
 * 修改记录 under an audited record's page, newest first: its audit rows and the imports that
 * wrote it (导入批次 N, linked to the import's page; an import update's changes read like an edit's).
 * Only for users who may read the audit log.
 */
export function RecordHistoryPanel({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  const auditLog = useResourceSchema(AUDIT_LOG);
  if (!schema.audited || !auditLog?.can.list || record?.id === undefined) return null;
  return <RecordHistory resource={schema.name} record={record} />;
}

function RecordHistory({ resource, record }: { resource: string; record: Record<string, unknown> & { id: string | number } }) {
  const id = record.id;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const history = useQuery({ queryKey: ['record-history', resource, String(id)], queryFn: () => fetchRecordHistory(resource, id), retry: false });
  // As the generated datetime fields show theirs (react-admin's DateField with the UI locale).
  const time = (at: string) => new Date(at).toLocaleString(locale);
  const value = (key: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return translate('zizhu.history.none');
    if (typeof v === 'boolean') return translate(v ? 'ra.boolean.true' : 'ra.boolean.false');
    if (typeof v === 'object') return JSON.stringify(v);
    return translate(`resources.${resource}.choices.${key}.${String(v)}`, { _: String(v) });
  };
  const label = (key: string) => translate(`resources.${resource}.fields.${key}`, { _: key });
  const changeText = (entry: RecordHistoryEntry, change: HistoryChange) =>
    entry.before && entry.after
      ? translate('zizhu.history.change', { field: label(change.key), before: value(change.key, change.before), after: value(change.key, change.after) })
      : translate('zizhu.history.value', { field: label(change.key), value: value(change.key, entry.after ? change.after : change.before) });
  const describe = (entry: RecordHistoryEntry) => {
    if (entry.importId !== null && entry.action === 'create') return translate('zizhu.history.asImported');
    return historyChanges(entry).map((change) => changeText(entry, change)).join('；');
  };
  const entries = history.data && withImportAfterImages(history.data, record);
  return (
    <Box sx={{ mt: 3, px: 2, pb: 2 }} data-testid="record-history">
      <Typography variant="subtitle1">{translate('zizhu.history.title')}</Typography>
      {history.isError ? (
        <Typography variant="body2" color="error">{translate('zizhu.history.failed')}</Typography>
      ) : !entries ? null : !entries.length ? (
        <Typography variant="body2" color="text.secondary">{translate('zizhu.history.empty')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {(['at', 'user', 'action', 'source', 'changes'] as const).map((column) => (
                <TableCell key={column}>{translate(`zizhu.history.${column}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((entry, index) => (
              <TableRow key={index} data-import={entry.importId ?? undefined}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(entry.at)}</TableCell>
                <TableCell>{entry.userName ?? ''}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`resources.${AUDIT_LOG}.choices.action.${entry.action}`, { _: entry.action })}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {entry.importId !== null ? (
                    <Link component={RouterLink} to={`/imports/${entry.importId}`}>
                      {entry.importFile
                        ? translate('zizhu.history.importedWith', { id: entry.importId, file: entry.importFile })
                        : translate('zizhu.history.importBatch', { id: entry.importId })}
                    </Link>
                  ) : (
                    translate('zizhu.history.manual')
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{describe(entry)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
