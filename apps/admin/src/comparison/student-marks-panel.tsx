import { Alert, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { useLoaded } from '../providers/use-loaded';
import { choiceKey } from '../schema/schema-messages';
import { COMPARISON_RESULTS_RESOURCE } from './bulk-confirm-button';
import { COMPARISONS_RESOURCE } from './progress-api';
import { fetchStudentMarks } from './student-marks-api';

const OMISSIONS_RESOURCE = 'omissions';

/**
 * Under a student's fields: their special-identity marks and where each came from — the
 * run and department list of a comparison result (with the school's decision), or an
 * approved omission — the one that drives aid (highest priority) first and flagged.
 */
export function StudentMarksPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const studentId = record?.id;
  const { data: marks, failed } = useLoaded(studentId, fetchStudentMarks);
  if (studentId == null) return null;
  return (
    <Box sx={{ px: 2, pb: 2, mt: 2 }} data-testid="student-marks">
      <Typography variant="subtitle1">{translate('zizhu.comparison.marksTitle')}</Typography>
      {failed && <Alert severity="error">{translate('zizhu.comparison.marksFailed')}</Alert>}
      {marks && !marks.length && (
        <Typography variant="body2" color="text.secondary">
          {translate('zizhu.comparison.marksEmpty')}
        </Typography>
      )}
      {marks && marks.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('zizhu.comparison.marksType')}</TableCell>
              <TableCell>{translate('zizhu.comparison.marksSource')}</TableCell>
              <TableCell>{translate('zizhu.comparison.marksList')}</TableCell>
              <TableCell>{translate('zizhu.comparison.marksDecision')}</TableCell>
              <TableCell>{translate('zizhu.comparison.marksAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {marks.map((mark) => (
              <TableRow key={`${mark.source}-${mark.id}`} data-drives-aid={mark.drivesAid}>
                <TableCell>
                  {mark.identityTypeName ?? '—'}
                  {mark.drivesAid && <Chip size="small" color="primary" sx={{ ml: 1 }} label={translate('zizhu.comparison.drivesAid')} />}
                </TableCell>
                <TableCell>
                  {mark.source === 'comparison' ? (
                    <Link to={`/${COMPARISONS_RESOURCE}/${mark.comparisonId}/show`}>{mark.comparisonName}</Link>
                  ) : (
                    <Link to={`/${OMISSIONS_RESOURCE}/${mark.id}/show`}>{translate('zizhu.comparison.sourceOmission')}</Link>
                  )}
                </TableCell>
                <TableCell>{mark.listName ?? '—'}</TableCell>
                <TableCell>
                  {mark.decision
                    ? translate(choiceKey(COMPARISON_RESULTS_RESOURCE, 'decision', mark.decision), { _: mark.decision })
                    : translate('zizhu.comparison.approvedOmission')}
                </TableCell>
                <TableCell>{mark.decidedAt ? new Date(mark.decidedAt).toLocaleString() : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
