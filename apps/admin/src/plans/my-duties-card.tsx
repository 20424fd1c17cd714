import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import EventIcon from '@mui/icons-material/Event';
import ReplyIcon from '@mui/icons-material/Reply';
import { Box, Button, Card, CardContent, Chip, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import type { MyDuties, MyDuty } from '@zizhu/schema';
import { useCallback, useEffect, useState } from 'react';
import { LinkBase, useTranslate } from 'react-admin';
import { useSessionUser } from '../providers/use-session-user';
import { OCCURRENCES_RESOURCE, fetchMyDuties } from './plans-api';
import { SubmitEvidenceDialog } from './submit-evidence-dialog';

/** Lines each group shows before "N more". */
const SHOWN = 5;

/** The roles whose own node is a unit of duties: a school's officers, a county's. */
const UNIT_ROLES = ['school', 'county'];

type Group = keyof MyDuties;

const GROUPS: { key: Group; icon: typeof EventIcon; color: 'warning' | 'secondary' | 'error' }[] = [
  { key: 'returned', icon: ReplyIcon, color: 'secondary' },
  { key: 'overdue', icon: AssignmentLateIcon, color: 'error' },
  { key: 'dueSoon', icon: EventIcon, color: 'warning' },
];

/** The list a group's "see all" opens: the unit's occurrences, filtered as the group is. */
const groupLink = (group: Group): string => {
  const filter = group === 'returned' ? { status: 'returned' } : group === 'overdue' ? { overdue: true } : { status: 'pending' };
  return `/${OCCURRENCES_RESOURCE}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
};

export interface MyDutiesListProps {
  duties: MyDuties;
  /** Opens the submit dialog for a manual duty. */
  onSubmit(duty: MyDuty): void;
}

/** The unit's duties in three groups — returned (with the reason), overdue, due within 14 days — each line opening the occurrence; manual ones have 提交. */
export function MyDutiesList({ duties, onSubmit }: MyDutiesListProps) {
  const translate = useTranslate();
  const total = duties.returned.length + duties.overdue.length + duties.dueSoon.length;
  if (total === 0) return <Typography variant="body2">{translate('zizhu.plans.myDutiesNone')}</Typography>;
  return (
    <Box data-testid="my-duties">
      {GROUPS.filter(({ key }) => duties[key].length > 0).map(({ key, icon: Icon, color }) => (
        <Box key={key} data-testid={`my-duties-${key}`} sx={{ mt: 1 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography variant="subtitle2">{translate(`zizhu.plans.${key}`)}</Typography>
            <Chip size="small" color={color} label={duties[key].length} />
            <Button size="small" component={LinkBase} to={groupLink(key)}>
              {translate('zizhu.plans.openList')}
            </Button>
          </Box>
          <List dense disablePadding>
            {duties[key].slice(0, SHOWN).map((duty) => (
              <ListItem
                key={duty.id}
                disableGutters
                secondaryAction={
                  duty.completionRule === 'manual' ? (
                    <Button size="small" variant="outlined" onClick={() => onSubmit(duty)} data-testid={`submit-${duty.id}`}>
                      {translate(duty.status === 'returned' ? 'zizhu.plans.submitAgain' : 'zizhu.plans.submit')}
                    </Button>
                  ) : undefined
                }
              >
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <Icon color={color} fontSize="small" />
                </ListItemIcon>
                <ListItemText
                  primary={
                    <LinkBase to={`/${OCCURRENCES_RESOURCE}/${duty.id}/show`} data-testid={`my-duty-${duty.id}`}>
                      {duty.title}
                    </LinkBase>
                  }
                  secondary={[translate('zizhu.plans.dueOn', { date: duty.dueDate }), duty.returnReason ? translate('zizhu.plans.returnedBecause', { reason: duty.returnReason }) : '', duty.planName]
                    .filter(Boolean)
                    .join(' · ')}
                  slotProps={{ secondary: { color: key === 'dueSoon' ? 'text.secondary' : 'error' } }}
                />
              </ListItem>
            ))}
          </List>
          {duties[key].length > SHOWN && (
            <Typography variant="caption" color="text.secondary">
              {translate('zizhu.plans.more', { count: duties[key].length - SHOWN })}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}

/** The home page's card of a school's or county's own duties (`GET /api/me/duties`), with 提交佐证 in place. */
export function MyDutiesCard() {
  const user = useSessionUser();
  const translate = useTranslate();
  const [duties, setDuties] = useState<MyDuties>();
  const [submitting, setSubmitting] = useState<MyDuty | null>(null);
  const unit = user !== undefined && UNIT_ROLES.includes(user.role);
  const reload = useCallback(() => {
    fetchMyDuties().then(setDuties, () => setDuties(undefined));
  }, []);
  useEffect(() => {
    if (unit) reload();
  }, [unit, reload]);
  if (!unit || !duties) return null;
  return (
    <Card sx={{ mt: 2 }} data-testid="my-duties-card">
      <CardContent>
        <Typography variant="h6" component="h3">
          {translate('zizhu.plans.myDuties')}
        </Typography>
        <MyDutiesList duties={duties} onSubmit={setSubmitting} />
      </CardContent>
      {submitting && (
        <SubmitEvidenceDialog
          target={{ id: submitting.id, title: submitting.title, version: submitting.version, evidenceExpected: submitting.evidenceExpected }}
          onClose={() => setSubmitting(null)}
          onDone={reload}
        />
      )}
    </Card>
  );
}
