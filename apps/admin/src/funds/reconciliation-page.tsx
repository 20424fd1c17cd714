import { type Reconciliation, RECONCILIATION_DIMENSIONS, type ReconciliationDimension, type ReconciliationFilter, type ReconciliationRow } from '@zizhu/schema';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { Alert, Card, CardContent, Checkbox, CircularProgress, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, LinkBase, Title, useGetList, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { FileDownloadButton } from '../files/file-download-button';
import { DISBURSEMENTS_RESOURCE, EXCEPTIONS_PATH, fetchReconciliation, reconciliationFileUrl } from './funds-api';
import { ReconciliationTable } from './reconciliation-table';

const TERMS = ['spring', 'autumn', 'yearly'];
const SOURCES = ['central', 'provincial', 'city', 'county'];

/** `/funds/reconciliation`: the summary with its dimensions and filters, drill-down and export. */
export function ReconciliationPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [dims, setDims] = useState<ReconciliationDimension[]>(['program', 'term', 'region']);
  const [filter, setFilter] = useState<ReconciliationFilter>({});
  const [data, setData] = useState<Reconciliation>();
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

  const toggle = (d: ReconciliationDimension) => setDims((current) => (current.includes(d) ? current.filter((x) => x !== d) : RECONCILIATION_DIMENSIONS.filter((x) => x === d || current.includes(x))));
  const set = (key: keyof ReconciliationFilter, value: string) =>
    setFilter((current) => {
      const next = { ...current };
      if (value === '') delete next[key];
      else (next as Record<string, unknown>)[key] = key === 'programId' || key === 'year' ? Number(value) : value;
      return next;
    });

  /** Drill-down: the payment lines of the row's program, term and county (every source shares a line). */
  const open = (row: ReconciliationRow) => {
    const lines: Record<string, unknown> = {};
    const programId = row.programId ?? filter.programId;
    if (programId !== undefined) lines.programId = programId;
    if (row.year ?? filter.year) lines.year = row.year ?? filter.year;
    if (row.term ?? filter.term) lines.term = row.term ?? filter.term;
    if (row.regionId) lines.regionId = row.regionId;
    else if (filter.regionId) lines.regionId = filter.regionId;
    navigate(`/${DISBURSEMENTS_RESOURCE}?filter=${encodeURIComponent(JSON.stringify(lines))}`);
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
          {RECONCILIATION_DIMENSIONS.map((d) => (
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
          <FileDownloadButton url={reconciliationFileUrl(dims, filter)} fallbackName="资金对账.xlsx" label="zizhu.funds.export" variant="text" size="small" />
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
