import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { RecordHistoryEntry, ResourceSchema } from '@zizhu/schema';
import { Link as RouterLink } from 'react-router-dom';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';
import { languageOf } from '../providers/locales';
import { type HistoryChange, historyChanges } from './record-history-changes';
import { useResourceSchema } from './use-schema';

const AUDIT_LOG = 'audit-log';

export async function fetchRecordHistory(resource: string, id: string | number): Promise<RecordHistoryEntry[]> {
  const { json } = await httpClient<RecordHistoryEntry[]>(`${API_URL}/record-history/${encodeURIComponent(resource)}/${encodeURIComponent(String(id))}`);
  return json;
}

/**
 * 修改记录 under an audited record's page, newest first: its audit rows and the imports that
 * wrote it (导入批次 N, linked to the import's page, with the values an update replaced).
 * Only for users who may read the audit log.
 */
export function RecordHistoryPanel({ schema }: { schema: ResourceSchema }) {
  const record = useRecordContext();
  const auditLog = useResourceSchema(AUDIT_LOG);
  if (!schema.audited || !auditLog?.can.list || record?.id === undefined) return null;
  return <RecordHistory resource={schema.name} id={record.id} />;
}

function RecordHistory({ resource, id }: { resource: string; id: string | number }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const history = useQuery({ queryKey: ['record-history', resource, String(id)], queryFn: () => fetchRecordHistory(resource, id), retry: false });
  const time = (at: string) =>
    new Date(at).toLocaleString(languageOf(locale) === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
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
    const changes = historyChanges(entry).map((change) => changeText(entry, change));
    if (entry.importId !== null && entry.action === 'update') return translate('zizhu.history.replaced', { values: changes.join('；') });
    if (entry.importId !== null) return translate('zizhu.history.asImported');
    return changes.join('；');
  };
  return (
    <Box sx={{ mt: 3 }} data-testid="record-history">
      <Typography variant="subtitle1">{translate('zizhu.history.title')}</Typography>
      {history.isError ? (
        <Typography variant="body2" color="error">{translate('zizhu.history.failed')}</Typography>
      ) : !history.data ? null : !history.data.length ? (
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
            {history.data.map((entry, index) => (
              <TableRow key={index} data-import={entry.importId ?? undefined}>
                <TableCell>{time(entry.at)}</TableCell>
                <TableCell>{entry.userName ?? ''}</TableCell>
                <TableCell>{translate(`resources.${AUDIT_LOG}.choices.action.${entry.action}`, { _: entry.action })}</TableCell>
                <TableCell>
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
