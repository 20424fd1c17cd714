import { Box, Chip, MenuItem, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import type { CompletionCell, OccurrenceStatus, PlanCompletion } from '@zizhu/schema';
import { useEffect, useState } from 'react';
import { useLocaleState, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import { STATUS_COLOR, worstStatus, type StatusColor } from './occurrence-status';
import { fetchCompletion, OCCURRENCES_RESOURCE } from './plans-api';
import { STATUS_SHORT } from './plan-messages';

/** Cell backgrounds by colour (light, so the figures stay readable). */
const BACKGROUND: Record<StatusColor, string> = {
  default: '#eeeeee',
  info: '#bbdefb',
  secondary: '#e1bee7',
  success: '#c8e6c9',
  warning: '#ffe0b2',
  error: '#ffcdd2',
};

const FINISHED: readonly OccurrenceStatus[] = ['done', 'late'];

/** "3月" for a month column, "3月20日" for a due date. */
function columnLabel(key: string, translate: ReturnType<typeof useTranslate>): string {
  const [, month, day] = key.split('-').map(Number);
  return day ? `${month}/${day}` : translate('zizhu.plans.month', { month });
}

function cellText(cell: CompletionCell, byDuty: boolean, language: 'zh' | 'en'): string {
  if (byDuty && cell.status) return STATUS_SHORT[cell.status][language];
  const total = Object.values(cell.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const finished = FINISHED.reduce((sum, status) => sum + (cell.counts[status] ?? 0), 0);
  return `${finished}/${total}`;
}

export interface CompletionTableProps {
  data: PlanCompletion;
  /** Opens one occurrence (a cell that holds exactly one). */
  onOpen?(occurrenceId: number): void;
}

/**
 * 完成情况表: rows units, columns months (or the chosen duty's due dates), each cell coloured
 * by its worst status — green on time, amber late, red missed, grey to do — with done / due,
 * or the status itself for one duty; each unit's totals at the end of its row.
 */
export function CompletionTable({ data, onOpen }: CompletionTableProps) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const byDuty = data.dutyId !== null;
  return (
    <TableContainer sx={{ maxHeight: 640 }} data-testid="completion-table">
      <Table size="small" stickyHeader>
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: 180 }}>{translate('zizhu.plans.unit')}</TableCell>
            {data.columns.map((column) => (
              <TableCell key={column.key} align="center" sx={{ whiteSpace: 'nowrap' }}>
                {columnLabel(column.key, translate)}
              </TableCell>
            ))}
            {(['onTime', 'late', 'missed', 'open'] as const).map((total) => (
              <TableCell key={total} align="right" sx={{ whiteSpace: 'nowrap' }}>
                {translate(`zizhu.plans.${total}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.units.map((unit) => {
            const totals = data.totals[unit.key];
            return (
              <TableRow key={unit.key} data-testid={`completion-row-${unit.key}`}>
                <TableCell component="th" scope="row">
                  {unit.name}
                </TableCell>
                {data.columns.map((column) => {
                  const cell = data.cells[unit.key]?.[column.key];
                  if (!cell) return <TableCell key={column.key} />;
                  const worst = worstStatus(cell.counts);
                  const color = worst ? STATUS_COLOR[worst] : 'default';
                  const opens = cell.occurrenceId !== undefined && onOpen;
                  return (
                    <TableCell
                      key={column.key}
                      align="center"
                      data-testid={`cell-${unit.key}-${column.key}`}
                      data-status={worst}
                      onClick={opens ? () => onOpen(cell.occurrenceId!) : undefined}
                      sx={{ bgcolor: BACKGROUND[color], cursor: opens ? 'pointer' : 'default', whiteSpace: 'nowrap', border: '1px solid #fff' }}
                    >
                      <Tooltip title={countsText(cell, language)}>
                        <span>{cellText(cell, byDuty, language)}</span>
                      </Tooltip>
                    </TableCell>
                  );
                })}
                <TableCell align="right">{totals?.done ?? 0}</TableCell>
                <TableCell align="right">{totals?.late ?? 0}</TableCell>
                <TableCell align="right">{totals?.missed ?? 0}</TableCell>
                <TableCell align="right">{totals?.open ?? 0}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function countsText(cell: CompletionCell, language: 'zh' | 'en'): string {
  return Object.entries(cell.counts)
    .map(([status, n]) => `${STATUS_SHORT[status as OccurrenceStatus][language]} ${n}`)
    .join(' · ');
}

/** The legend: what each colour means. */
function Legend() {
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', my: 1 }}>
      {(Object.keys(STATUS_COLOR) as OccurrenceStatus[]).map((status) => (
        <Chip key={status} size="small" label={STATUS_SHORT[status][language]} sx={{ bgcolor: BACKGROUND[STATUS_COLOR[status]] }} />
      ))}
    </Box>
  );
}

/** Under a plan: its completion table, for all duties by month or for one duty by its due dates. */
export function CompletionPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const redirect = useRedirect();
  const [dutyId, setDutyId] = useState<number | null>(null);
  const [data, setData] = useState<PlanCompletion>();
  const [failed, setFailed] = useState(false);
  const planId = record?.id;
  // Read again when the plan changes (published: its occurrences now exist).
  const version = record?.version;
  useEffect(() => {
    if (planId == null) return;
    let alive = true;
    fetchCompletion(planId, dutyId).then(
      (loaded) => alive && setData(loaded),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [planId, dutyId, version]);
  if (!record) return null;
  return (
    <Box sx={{ mt: 3 }} data-testid="plan-completion">
      <Typography variant="subtitle1">{translate('zizhu.plans.completion')}</Typography>
      {record.status !== 'published' ? (
        <Typography variant="body2" color="text.secondary">
          {translate('zizhu.plans.completionEmpty')}
        </Typography>
      ) : failed ? (
        <Typography color="error">{translate('zizhu.plans.loadFailed')}</Typography>
      ) : data ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('zizhu.plans.completionHelp')}
          </Typography>
          <TextField
            select
            size="small"
            sx={{ mt: 1, minWidth: 320 }}
            label={translate('zizhu.plans.duties')}
            value={dutyId ?? ''}
            onChange={(e) => setDutyId(e.target.value === '' ? null : Number(e.target.value))}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">{translate('zizhu.plans.allDuties')}</MenuItem>
            {data.duties.map((duty) => (
              <MenuItem key={duty.id} value={duty.id}>
                {duty.title}
              </MenuItem>
            ))}
          </TextField>
          <Legend />
          <CompletionTable data={data} onOpen={(id) => redirect('show', OCCURRENCES_RESOURCE, id)} />
        </>
      ) : null}
    </Box>
  );
}
