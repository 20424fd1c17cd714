import { type FundException, type SchemaPayload } from '@zizhu/schema';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Card, CardContent, CircularProgress, Link as MuiLink, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, LinkBase, Title, useLocation, usePermissions, useTranslate } from 'react-admin';
import { ClueDialog } from './clue-dialog';
import { ExplainDialog } from './explain-dialog';
import { CLUES_RESOURCE, DISBURSEMENTS_RESOURCE, fetchExceptions, RECONCILIATION_PATH, yuanText } from './funds-api';

const KINDS = ['paidTwice', 'noApprovedEntry', 'notEnrolled', 'amountMismatch', 'overAllocation'];
const EXPLAINERS = ['admin', 'finance'];
const CLUE_OPENERS = ['admin', 'county', 'finance'];

/** `/funds/exceptions`: every exception with its lines; finance explains them one by one or opens a problem clue for the school. */
export function ExceptionsPage() {
  const translate = useTranslate();
  const { permissions } = usePermissions<SchemaPayload | null>();
  const canExplain = EXPLAINERS.includes(permissions?.user.role ?? '');
  const canOpenClue = CLUE_OPENERS.includes(permissions?.user.role ?? '');
  const [kind, setKind] = useState('');
  // `?explained=no` (the home page's to-do item) opens the page filtered.
  const { search } = useLocation();
  const [explained, setExplained] = useState(() => new URLSearchParams(search).get('explained') ?? '');
  const [year, setYear] = useState('');
  const [term, setTerm] = useState('');
  const [data, setData] = useState<{ total: number; exceptions: FundException[] }>();
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<FundException>();
  const [clueFor, setClueFor] = useState<FundException>();

  useEffect(() => {
    let alive = true;
    const filter: Record<string, unknown> = {};
    if (kind) filter.kind = kind;
    if (explained) filter.explained = explained === 'yes';
    if (/^\d{4}$/.test(year)) filter.year = Number(year);
    if (term) filter.term = term;
    fetchExceptions(filter).then(
      (loaded) => alive && setData(loaded),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [kind, explained, year, term]);

  const saved = (next: FundException) => {
    setEditing(undefined);
    setData((current) => current && { ...current, exceptions: current.exceptions.map((e) => (e.key === next.key ? next : e)) });
  };
  const clueOpened = (key: string, clue: { id: number; status: string }) => {
    setClueFor(undefined);
    setData((current) => current && { ...current, exceptions: current.exceptions.map((e) => (e.key === key ? { ...e, clue } : e)) });
  };
  const where = (e: FundException) =>
    [e.programName, `${e.year} ${translate(`zizhu.funds.terms.${e.term}`)}`, e.regionName ?? translate('zizhu.funds.cityLevel'), e.source ? translate(`zizhu.funds.sources.${e.source}`) : '']
      .filter(Boolean)
      .join(' / ');

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="zizhu.funds.exceptions" />
      <CardContent>
        <Button component={LinkBase} to={RECONCILIATION_PATH} label="zizhu.funds.openReconciliation">
          <ArrowBackIcon />
        </Button>
        <Typography variant="h6" component="h1" sx={{ mt: 1 }}>
          {translate('zizhu.funds.exceptions')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('zizhu.funds.exceptionsIntro')}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
          <TextField select size="small" label={translate('zizhu.funds.kind')} value={kind} onChange={(e) => setKind(e.target.value)} sx={{ width: 240 }}>
            <MenuItem value="">{translate('zizhu.funds.all')}</MenuItem>
            {KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`zizhu.funds.kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" type="number" label={translate('zizhu.funds.year')} value={year} onChange={(e) => setYear(e.target.value)} sx={{ width: 110 }} />
          <TextField select size="small" label={translate('zizhu.funds.dimTerm')} value={term} onChange={(e) => setTerm(e.target.value)} sx={{ width: 140 }}>
            <MenuItem value="">{translate('zizhu.funds.all')}</MenuItem>
            {['spring', 'autumn', 'yearly'].map((t) => (
              <MenuItem key={t} value={t}>
                {translate(`zizhu.funds.terms.${t}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={translate('zizhu.funds.explanation')} value={explained} onChange={(e) => setExplained(e.target.value)} sx={{ width: 160 }}>
            <MenuItem value="">{translate('zizhu.funds.all')}</MenuItem>
            <MenuItem value="yes">{translate('zizhu.funds.explained')}</MenuItem>
            <MenuItem value="no">{translate('zizhu.funds.unexplained')}</MenuItem>
          </TextField>
        </Stack>
        {failed && <Alert severity="error">{translate('zizhu.funds.loadFailed')}</Alert>}
        {!failed && !data && <CircularProgress size={24} />}
        {data && data.exceptions.length === 0 && <Alert severity="success">{translate('zizhu.funds.noExceptions')}</Alert>}
        {data && data.exceptions.length > 0 && (
          <Table size="small" data-testid="exceptions-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('zizhu.funds.kind')}</TableCell>
                <TableCell>{translate('zizhu.funds.where')}</TableCell>
                <TableCell>{translate('zizhu.funds.student')}</TableCell>
                <TableCell align="right">{translate('zizhu.funds.amount')}</TableCell>
                <TableCell align="right">{translate('zizhu.funds.expected')}</TableCell>
                <TableCell>{translate('zizhu.funds.linesColumn')}</TableCell>
                <TableCell>{translate('zizhu.funds.explanation')}</TableCell>
                <TableCell>{translate('zizhu.funds.clue')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.exceptions.map((e) => (
                <TableRow key={e.key} data-key={e.key}>
                  <TableCell>{translate(`zizhu.funds.kinds.${e.kind}`)}</TableCell>
                  <TableCell>{where(e)}</TableCell>
                  <TableCell>{e.studentName ?? ''}</TableCell>
                  <TableCell align="right">{yuanText(e.amount)}</TableCell>
                  <TableCell align="right">{e.expected === null ? '' : yuanText(e.expected)}</TableCell>
                  <TableCell>
                    {e.lineIds.length > 0 ? (
                      <Stack direction="row" spacing={1}>
                        {e.lineIds.map((id) => (
                          <MuiLink key={id} component={LinkBase} to={`/${DISBURSEMENTS_RESOURCE}/${id}/show`}>
                            #{id}
                          </MuiLink>
                        ))}
                      </Stack>
                    ) : (
                      <MuiLink
                        component={LinkBase}
                        to={`/${DISBURSEMENTS_RESOURCE}?filter=${encodeURIComponent(JSON.stringify({ programId: e.programId, year: e.year, term: e.term, ...(e.regionId ? { regionId: e.regionId } : {}) }))}`}
                      >
                        {translate('zizhu.funds.linesColumn')}
                      </MuiLink>
                    )}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Typography variant="body2">{e.explanation?.note ?? translate('zizhu.funds.unexplained')}</Typography>
                      {canExplain && <Button label="zizhu.funds.explain" onClick={() => setEditing(e)} />}
                    </Stack>
                  </TableCell>
                  <TableCell>
                    {e.clue ? (
                      <MuiLink component={LinkBase} to={`/${CLUES_RESOURCE}/${e.clue.id}/show`}>
                        #{e.clue.id} {translate(`zizhu.funds.clueStatuses.${e.clue.status}`)}
                      </MuiLink>
                    ) : // A money cell (overAllocation) has no school to give a clue to: it is explained instead.
                    canOpenClue && e.lineIds.length > 0 ? (
                      <Button label="zizhu.funds.openClue" onClick={() => setClueFor(e)} />
                    ) : (
                      translate('zizhu.funds.noClue')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {clueFor && <ClueDialog exception={clueFor} onClose={() => setClueFor(undefined)} onOpened={(clue) => clueOpened(clueFor.key, clue)} />}
        {editing && <ExplainDialog exception={editing} onClose={() => setEditing(undefined)} onSaved={saved} />}
      </CardContent>
    </Card>
  );
}
