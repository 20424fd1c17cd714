import DownloadIcon from '@mui/icons-material/Download';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { Alert, Card, CardContent, Checkbox, CircularProgress, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, LinkBase, Title, useGetList, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { DIMENSIONS, type Dimension, DISBURSEMENTS_RESOURCE, EXCEPTIONS_PATH, fetchReconciliation, rateText, type ReconciliationFilterView, type ReconciliationRowView, type ReconciliationView, yuanText } from './funds-api';
import { FIGURES, ReconciliationTable, useDimensionText } from './reconciliation-table';

const TERMS = ['spring', 'autumn', 'yearly'];
const SOURCES = ['central', 'provincial', 'city', 'county'];

/** `/funds/reconciliation`: the summary with its dimensions and filters, drill-down and export. */
export function ReconciliationPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const dimText = useDimensionText();
  const [dims, setDims] = useState<Dimension[]>(['program', 'term', 'region']);
  const [filter, setFilter] = useState<ReconciliationFilterView>({});
  const [data, setData] = useState<ReconciliationView>();
  const [failed, setFailed] = useState(false);
  const { data: programs } = useGetList('programs', { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } });

  useEffect(() => {
    let alive = true;
    setFailed(false);
    fetchReconciliation(dims, filter).then(
      (loaded) => alive && setData(loaded),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [dims, filter]);

  const toggle = (d: Dimension) => setDims((current) => (current.includes(d) ? current.filter((x) => x !== d) : DIMENSIONS.filter((x) => x === d || current.includes(x))));
  const set = (key: keyof ReconciliationFilterView, value: string) =>
    setFilter((current) => {
      const next = { ...current };
      if (value === '') delete next[key];
      else (next as Record<string, unknown>)[key] = key === 'programId' || key === 'year' ? Number(value) : value;
      return next;
    });

  /** Drill-down: the payment lines of the row's program, term and county (every source shares a line). */
  const open = (row: ReconciliationRowView) => {
    const lines: Record<string, unknown> = {};
    const programId = row.programId ?? filter.programId;
    if (programId !== undefined) lines.programId = programId;
    if (row.year ?? filter.year) lines.year = row.year ?? filter.year;
    if (row.term ?? filter.term) lines.term = row.term ?? filter.term;
    if (row.regionId) lines.regionId = row.regionId;
    else if (filter.regionId) lines.regionId = filter.regionId;
    navigate(`/${DISBURSEMENTS_RESOURCE}?filter=${encodeURIComponent(JSON.stringify(lines))}`);
  };

  /** CSV with a BOM (Excel opens it as UTF-8), money in yuan with 2 decimals. */
  const exportCsv = () => {
    if (!data) return;
    const header = [...dims.map((d) => translate(`zizhu.funds.dim${d[0].toUpperCase()}${d.slice(1)}`)), ...FIGURES.map((f) => translate(`zizhu.funds.${f}`)), translate('zizhu.funds.rate'), translate('zizhu.funds.lines')];
    const line = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
    const rows = data.rows.map((r) => line([...dims.map((d) => dimText(r, d)), ...FIGURES.map((f) => yuanText(r[f]).replace(/,/g, '')), rateText(r.executionRateBp), String(r.paidLines ?? '')]));
    rows.push(line([...dims.map((_, i) => (i === 0 ? translate('zizhu.funds.total') : '')), ...FIGURES.map((f) => yuanText(data.totals[f]).replace(/,/g, '')), rateText(data.totals.executionRateBp), String(data.totals.paidLines ?? '')]));
    const blob = new Blob(['\uFEFF' + [line(header), ...rows].join('\r\n')], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${translate('zizhu.funds.reconciliation')}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="zizhu.funds.reconciliation" />
      <CardContent>
        <Typography variant="h6" component="h1">
          {translate('zizhu.funds.reconciliation')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('zizhu.funds.reconciliationIntro')} {translate('zizhu.funds.yuanNote')}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2">{translate('zizhu.funds.groupBy')}</Typography>
          {DIMENSIONS.map((d) => (
            <FormControlLabel key={d} control={<Checkbox checked={dims.includes(d)} onChange={() => toggle(d)} />} label={translate(`zizhu.funds.dim${d[0].toUpperCase()}${d.slice(1)}`)} />
          ))}
        </Stack>
        <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField select size="small" label={translate('zizhu.funds.dimProgram')} value={filter.programId ?? ''} onChange={(e) => set('programId', e.target.value)} sx={{ width: 240 }}>
            <MenuItem value="">{translate('zizhu.funds.all')}</MenuItem>
            {(programs ?? []).map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {String(p.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" type="number" label={translate('zizhu.funds.year')} value={filter.year ?? ''} onChange={(e) => set('year', e.target.value)} sx={{ width: 110 }} />
          <TextField select size="small" label={translate('zizhu.funds.dimTerm')} value={filter.term ?? ''} onChange={(e) => set('term', e.target.value)} sx={{ width: 140 }}>
            <MenuItem value="">{translate('zizhu.funds.all')}</MenuItem>
            {TERMS.map((t) => (
              <MenuItem key={t} value={t}>
                {translate(`zizhu.funds.terms.${t}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={translate('zizhu.funds.dimSource')} value={filter.source ?? ''} onChange={(e) => set('source', e.target.value)} sx={{ width: 140 }}>
            <MenuItem value="">{translate('zizhu.funds.all')}</MenuItem>
            {SOURCES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`zizhu.funds.sources.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button label="zizhu.funds.export" onClick={exportCsv} disabled={!data}>
            <DownloadIcon />
          </Button>
          <Button component={LinkBase} to={EXCEPTIONS_PATH} label="zizhu.funds.openExceptions">
            <WarningIcon />
          </Button>
        </Stack>
        {failed && <Alert severity="error">{translate('zizhu.funds.loadFailed')}</Alert>}
        {!failed && !data && <CircularProgress size={24} />}
        {data && data.rows.length === 0 && <Alert severity="info">{translate('zizhu.funds.empty')}</Alert>}
        {data && <ReconciliationTable dims={dims} rows={data.rows} totals={data.totals} onOpen={open} />}
      </CardContent>
    </Card>
  );
}
