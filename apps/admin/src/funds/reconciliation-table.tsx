import { type ReconciliationDimension, type ReconciliationFigures, type ReconciliationRow } from '@zizhu/schema';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { rateText, yuanText } from './funds-api';

export const FIGURES = ['allocated', 'paid', 'pending', 'failed', 'returned', 'refunded', 'net', 'balance'] as const;

/** A row's dimension cells as people read them (program name, 2017 秋季, county, source). */
export function useDimensionText(): (row: ReconciliationRow, dim: ReconciliationDimension) => string {
  const translate = useTranslate();
  return (row, dim) => {
    switch (dim) {
      case 'program':
        return row.programName ?? '';
      case 'term':
        return `${row.year ?? ''} ${row.term ? translate(`zizhu.funds.terms.${row.term}`) : ''}`;
      case 'region':
        return row.regionId ? (row.regionName ?? row.regionId) : translate('zizhu.funds.cityLevel');
      case 'source':
        return row.source ? translate(`zizhu.funds.sources.${row.source}`) : '';
    }
  };
}

const DIM_LABEL: Record<ReconciliationDimension, string> = {
  program: 'zizhu.funds.dimProgram',
  term: 'zizhu.funds.dimTerm',
  region: 'zizhu.funds.dimRegion',
  source: 'zizhu.funds.dimSource',
};

/** The summary table: one row per group, money in yuan, the rate in percent; a totals row. */
export function ReconciliationTable({ dims, rows, totals, onOpen }: { dims: readonly ReconciliationDimension[]; rows: ReconciliationRow[]; totals: ReconciliationFigures; onOpen: (row: ReconciliationRow) => void }) {
  const translate = useTranslate();
  const dimText = useDimensionText();
  const bySource = dims.includes('source');
  const figureCells = (f: ReconciliationFigures, testId?: string) => (
    <>
      {bySource && (
        <>
          <TableCell align="right">{yuanText(f.allocatedByShares)}</TableCell>
          <TableCell align="right" sx={f.shareDifference !== 0 ? { color: 'warning.main' } : undefined} data-figure="shareDifference">
            {yuanText(f.shareDifference)}
          </TableCell>
        </>
      )}
      {FIGURES.map((key) => (
        <TableCell key={key} align="right" data-figure={key}>
          {yuanText(f[key])}
        </TableCell>
      ))}
      <TableCell align="right" data-figure="rate" data-testid={testId}>
        {rateText(f.executionRateBp)}
      </TableCell>
      <TableCell align="right">{f.paidLines ?? '—'}</TableCell>
    </>
  );
  return (
    <Table size="small" data-testid="reconciliation-table">
      <TableHead>
        <TableRow>
          {dims.map((d) => (
            <TableCell key={d}>{translate(DIM_LABEL[d])}</TableCell>
          ))}
          {bySource && (
            <>
              <TableCell align="right">{translate('zizhu.funds.byShares')}</TableCell>
              <TableCell align="right">{translate('zizhu.funds.shareDifference')}</TableCell>
            </>
          )}
          {FIGURES.map((key) => (
            <TableCell key={key} align="right">
              {translate(`zizhu.funds.${key}`)}
            </TableCell>
          ))}
          <TableCell align="right">{translate('zizhu.funds.rate')}</TableCell>
          <TableCell align="right">{translate('zizhu.funds.lines')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={i} hover sx={{ cursor: 'pointer' }} onClick={() => onOpen(row)} data-row={dims.map((d) => dimText(row, d)).join('|')}>
            {dims.map((d) => (
              <TableCell key={d}>{dimText(row, d)}</TableCell>
            ))}
            {figureCells(row)}
          </TableRow>
        ))}
        <TableRow sx={{ '& td': { fontWeight: 'bold' } }}>
          {dims.length > 0 && <TableCell colSpan={dims.length}>{translate('zizhu.funds.total')}</TableCell>}
          {figureCells(totals, 'total-rate')}
        </TableRow>
      </TableBody>
    </Table>
  );
}
