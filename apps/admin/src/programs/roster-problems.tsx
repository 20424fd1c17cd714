import type { RosterProblem } from '@zizhu/schema';
import { Alert, Box, Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../providers/api-error';
import { languageOf } from '../providers/locales';
import { fetchProblems } from './roster-api';

/**
 * 提交前检查: what would stop the school submitting (eligibility, tiers, amounts, students
 * who left, incomplete answers), entry by entry — checked again whenever the roster changes.
 */
export function RosterProblems() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = languageOf(locale);
  const [problems, setProblems] = useState<RosterProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = record?.id;
  const load = useCallback(() => {
    if (id === undefined) return;
    setError(null);
    fetchProblems(id).then(setProblems, (failure: unknown) => setError(apiErrorMessage(failure) ?? translate('ra.notification.http_error')));
  }, [id, translate]);
  // The roster's version and totals move with every entry change and decision.
  useEffect(load, [load, record?.version, record?.entryCount, record?.totalAmount]);
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="roster-problems">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="subtitle1">{translate('zizhu.programs.problems')}</Typography>
        <Button size="small" onClick={load}>
          {translate('zizhu.programs.recheck')}
        </Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {problems && problems.length === 0 && <Alert severity="success">{translate('zizhu.programs.problemsNone')}</Alert>}
      {problems && problems.length > 0 && (
        <Alert severity="warning">
          {translate('zizhu.programs.problemsCount', { count: problems.length })}
          <List dense disablePadding>
            {problems.map((problem) => (
              <ListItem key={`${problem.entryId}-${problem.code}`} disableGutters>
                <ListItemText primary={`${problem.studentName}：${problem.message[lang]}`} />
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}
