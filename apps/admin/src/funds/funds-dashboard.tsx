import { type OverduePayment, type Reconciliation } from '@zizhu/schema';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import WarningIcon from '@mui/icons-material/WarningAmber';
import { Alert, Card, CardContent, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, LinkBase, useTranslate } from 'react-admin';
import { EXCEPTIONS_PATH, fetchOverdue, fetchReconciliation, RECONCILIATION_PATH, yuanText } from './funds-api';
import { AllocatedPaidChart, CountyRateChart } from './funds-charts';

/** The finance and county officers' home: allocated vs paid by program, execution by county, overdue payments. */
export function FundsDashboard() {
  const translate = useTranslate();
  const [byProgram, setByProgram] = useState<Reconciliation>();
  const [byCounty, setByCounty] = useState<Reconciliation>();
  const [overdue, setOverdue] = useState<OverduePayment[]>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    Promise.all([fetchReconciliation(['program'], {}), fetchReconciliation(['region'], {}), fetchOverdue()]).then(
      ([p, c, o]) => {
        if (!alive) return;
        setByProgram(p);
        setByCounty(c);
        setOverdue(o);
      },
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, []);

  return (
    <Card sx={{ mt: 2 }} data-testid="funds-dashboard">
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {translate('zizhu.funds.dashboardFunds')}
          </Typography>
          <Button component={LinkBase} to={RECONCILIATION_PATH} label="zizhu.funds.openReconciliation">
            <AccountBalanceIcon />
          </Button>
          <Button component={LinkBase} to={EXCEPTIONS_PATH} label="zizhu.funds.openExceptions">
            <WarningIcon />
          </Button>
        </Stack>
        {failed && <Alert severity="error">{translate('zizhu.funds.loadFailed')}</Alert>}
        {byProgram && (
          <>
            <Typography variant="subtitle1" component="h3">
              {translate('zizhu.funds.byProgram')}
            </Typography>
            {byProgram.rows.length ? <AllocatedPaidChart rows={byProgram.rows} /> : <Typography variant="body2">{translate('zizhu.funds.empty')}</Typography>}
          </>
        )}
        {byCounty && byCounty.rows.length > 0 && (
          <>
            <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
              {translate('zizhu.funds.byCounty')}
            </Typography>
            <CountyRateChart rows={byCounty.rows} />
          </>
        )}
        {overdue && (
          <>
            <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
              {translate('zizhu.funds.overdue')}
            </Typography>
            {overdue.length === 0 ? (
              <Typography variant="body2">{translate('zizhu.funds.overdueNone')}</Typography>
            ) : (
              <List dense data-testid="overdue-list">
                {overdue.slice(0, 10).map((o) => (
                  <ListItemButton key={o.rosterId} component={LinkBase} to={`/rosters/${o.rosterId}/show`}>
                    <ListItemText
                      primary={translate('zizhu.funds.overdueRow', { title: o.title, deadline: o.deadline, count: o.unpaidEntries, amount: yuanText(o.unpaidAmount) })}
                      secondary={[o.regionName, o.schoolName].filter(Boolean).join(' · ')}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
