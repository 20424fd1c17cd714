import type { FieldSchema } from '@zizhu/schema';
import { Box, Chip, Typography } from '@mui/material';
import { useContext } from 'react';
import { ListContext, useRecordContext, useTranslate } from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import type { InspectionRecord } from './inspection-api';

/**
 * An inspection's total in large type with 合格 / 不合格, and for a verification (核查) the
 * school's own self-inspection score beside it; a list shows the plain number.
 */
export function ScoreField({ field, source }: { field: FieldSchema; source: string; sortable?: boolean }) {
  const record = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  const inList = useContext(ListContext) !== null;
  if (inList) return <FieldDisplay field={field} source={source} />;
  if (!record || record.score == null) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zizhu.inspections.notSubmittedYet')}
      </Typography>
    );
  }
  const selfScore = record.mode === 'verify' ? (record.selfScore ?? record.selfResult?.total ?? null) : null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} data-testid="inspection-score">
      <Typography variant="h5" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {record.score.toFixed(1)}
      </Typography>
      {record.passed != null && (
        <Chip size="small" color={record.passed ? 'success' : 'error'} label={translate(record.passed ? 'zizhu.inspections.passing' : 'zizhu.inspections.failing')} />
      )}
      {selfScore != null && (
        <Typography variant="body2" color="text.secondary" data-testid="self-score">
          {translate('zizhu.inspections.selfScore', { score: selfScore.toFixed(1) })}
        </Typography>
      )}
    </Box>
  );
}
