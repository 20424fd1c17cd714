import type { InspectionStatistics } from '@zizhu/schema';
import { MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { InspectionPlanCharts } from './inspection-plan-charts';

/** A plan selector (the latest plan first and chosen) over the region's figures of that plan; an empty state without inspections. */
export function InspectionStatsView({ statistics }: { statistics: InspectionStatistics }) {
  const translate = useTranslate();
  const { plans } = statistics;
  const [planId, setPlanId] = useState(plans[0]?.planId);
  const plan = plans.find((p) => p.planId === planId) ?? plans[0];
  const empty = (
    <Typography variant="body2" data-testid="inspection-stats-empty">
      {translate('zizhu.inspectionStats.empty')}
    </Typography>
  );
  if (!plan) return empty;
  return (
    <>
      <TextField
        select
        size="small"
        label={translate('zizhu.inspectionStats.plan')}
        value={plan.planId}
        onChange={(event) => setPlanId(Number(event.target.value))}
        sx={{ minWidth: 320, mb: 2 }}
        slotProps={{ htmlInput: { 'data-testid': 'inspection-stats-plan' } }}
      >
        {plans.map((p) => (
          <MenuItem key={p.planId} value={p.planId}>
            {p.planName}
          </MenuItem>
        ))}
      </TextField>
      {plan.total.planned === 0 ? empty : <InspectionPlanCharts plan={plan} />}
    </>
  );
}
