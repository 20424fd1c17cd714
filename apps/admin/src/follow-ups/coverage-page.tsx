import type { OutreachCoverage } from '@zizhu/schema';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Alert, Card, CardContent, Chip, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, Title, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { CoverageTable, type CoverageRow } from './coverage-table';
import { type CoverageQuery, fetchCoverage, FOLLOW_UPS_RESOURCE } from './follow-up-api';

const TERMS = ['spring', 'autumn', 'yearly'] as const;

/** The term a bureau is most likely looking at: spring until August, autumn after. */
export function currentTerm(today = new Date()): { year: number; term: string } {
  return { year: today.getFullYear(), term: today.getMonth() < 8 ? 'spring' : 'autumn' };
}

/**
 * `/outreach/coverage` (告知覆盖情况): for a term (and a due date, e.g. a campaign's), the
 * reader's region in total, its child regions (a click drills down, 返回上级 climbs back) and
 * its schools (a click opens that school's follow-ups).
 */
export function CoveragePage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [query, setQuery] = useState<CoverageQuery>(currentTerm);
  // The regions drilled into, outermost first: 返回上级 pops one.
  const [trail, setTrail] = useState<string[]>([]);
  const [data, setData] = useState<OutreachCoverage>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    setFailed(false);
    fetchCoverage({ ...query, regionId: trail.at(-1) }).then(
      (loaded) => alive && setData(loaded),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [query, trail]);

  const set = (change: Partial<CoverageQuery>) => setQuery((current) => ({ ...current, ...change }));
  const rows: CoverageRow[] = data
    ? [
        { key: 'total', label: `${data.place.name} · ${translate('zizhu.followUps.total')}`, figures: data.total },
        ...data.regions.map((r) => ({
          key: `region-${r.regionId}${r.direct ? '-direct' : ''}`,
          label: r.direct ? `${r.regionName}${translate('zizhu.followUps.direct')}` : r.regionName,
          figures: r,
          onOpen: r.direct ? undefined : () => setTrail((t) => [...t, r.regionId]),
        })),
      ]
    : [];
  const schools: CoverageRow[] = (data?.schools ?? []).map((s) => ({
    key: `school-${s.schoolId}`,
    label: s.schoolName,
    figures: s,
    onOpen: () => navigate(`/${FOLLOW_UPS_RESOURCE}?filter=${encodeURIComponent(JSON.stringify({ schoolId: s.schoolId }))}`),
  }));

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="zizhu.followUps.coverage" />
      <CardContent>
        <Typography variant="h6" component="h1">
          {translate('zizhu.followUps.coverage')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('zizhu.followUps.coverageIntro')}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField
            size="small"
            type="number"
            label={translate('zizhu.followUps.year')}
            value={query.year}
            onChange={(e) => Number(e.target.value) >= 2000 && set({ year: Number(e.target.value) })}
            sx={{ width: 110 }}
            slotProps={{ htmlInput: { 'data-testid': 'coverage-year' } }}
          />
          <TextField select size="small" label={translate('zizhu.followUps.term')} value={query.term} onChange={(e) => set({ term: e.target.value })} sx={{ width: 140 }}>
            {TERMS.map((t) => (
              <MenuItem key={t} value={t}>
                {translate(`zizhu.followUps.terms.${t}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            type="date"
            label={translate('zizhu.followUps.dueDate')}
            helperText={translate('zizhu.followUps.dueDateHelp')}
            value={query.dueDate ?? ''}
            onChange={(e) => set({ dueDate: e.target.value || undefined })}
            sx={{ width: 280 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'coverage-due-date' } }}
          />
          {trail.length > 0 && (
            <Button label="zizhu.followUps.up" onClick={() => setTrail((t) => t.slice(0, -1))} data-testid="coverage-up">
              <ArrowUpwardIcon />
            </Button>
          )}
        </Stack>
        {data && data.campaigns.length > 0 && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }} data-testid="coverage-campaigns">
            <Typography variant="body2">{translate('zizhu.followUps.campaigns')}</Typography>
            {data.campaigns.map((c) => (
              <Chip
                key={c.id}
                label={`${c.name} · ${translate(`zizhu.followUps.${c.kind}`)} · ${c.dueDate}`}
                onClick={() => set({ dueDate: c.dueDate })}
                color={query.dueDate === c.dueDate ? 'primary' : 'default'}
                variant="outlined"
                title={translate('zizhu.followUps.useDueDate')}
              />
            ))}
          </Stack>
        )}
        {failed && <Alert severity="error">{translate('zizhu.followUps.loadFailed')}</Alert>}
        {!failed && !data && <CircularProgress size={24} />}
        {data && !failed && (
          <>
            {data.total.recipients === 0 && (
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('zizhu.followUps.noRecipients')}
              </Alert>
            )}
            <CoverageTable rows={rows} testId="coverage-regions" />
            {schools.length > 0 && (
              <>
                <Typography variant="subtitle1" sx={{ mt: 3 }}>
                  {translate('zizhu.followUps.schools')}
                </Typography>
                <CoverageTable rows={schools} testId="coverage-schools" />
              </>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
