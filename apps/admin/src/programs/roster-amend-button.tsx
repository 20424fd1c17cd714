import EditNoteIcon from '@mui/icons-material/EditNote';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useGetList, useGetMany, useNotify, useRecordContext, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { useSessionUser } from '../layout/use-session-user';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { amendRoster, ROSTER_ENTRIES_RESOURCE } from './roster-api';
import { rosterTiers, tierChoices } from './roster-tiers';

/** Who the API lets amend an approved roster (within their region). */
const AMENDERS = new Set(['admin', 'county']);

/** 更正: the one way an approved roster changes — a tier or a removal, with a reason, logged in its history. */
export function RosterAmendButton() {
  const record = useRecordContext();
  const user = useSessionUser();
  const [open, setOpen] = useState(false);
  if (!record || record.status !== 'approved' || !user || !AMENDERS.has(user.role)) return null;
  return (
    <>
      <Button label="zizhu.programs.amend" onClick={() => setOpen(true)}>
        <EditNoteIcon />
      </Button>
      {open && <AmendDialog rosterId={record.id} tiersValue={record.tiers} onClose={() => setOpen(false)} />}
    </>
  );
}

function AmendDialog({ rosterId, tiersValue, onClose }: { rosterId: Identifier; tiersValue: unknown; onClose(): void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { data: entries = [] } = useGetList(ROSTER_ENTRIES_RESOURCE, {
    filter: { rosterId },
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'id', order: 'ASC' },
  });
  const { data: students = [] } = useGetMany('students', { ids: entries.map((entry) => entry.studentId) }, { enabled: entries.length > 0 });
  const names = new Map(students.map((student) => [student.id, String(student.name)]));
  const tiers = tierChoices(rosterTiers(tiersValue), translate);
  const [entryId, setEntryId] = useState<Identifier | ''>('');
  const [change, setChange] = useState<'tier' | 'remove'>('tier');
  const [tier, setTier] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function send() {
    if (entryId === '') return;
    setSending(true);
    try {
      await amendRoster(rosterId, change === 'remove' ? { entryId, remove: true, reason } : { entryId, tier, reason });
      notify('zizhu.programs.amendDone', { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      const fieldErrors = apiFieldErrors(error);
      setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { other: apiErrorMessage(error) ?? translate('ra.notification.http_error') });
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('zizhu.programs.amendTitle')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
        {errors.other && <Alert severity="error">{errors.other}</Alert>}
        <TextField
          select
          margin="dense"
          label={translate('zizhu.programs.amendEntry')}
          value={entryId}
          onChange={(event) => setEntryId(event.target.value)}
          error={errors.entryId !== undefined}
          helperText={errors.entryId}
        >
          {entries.map((entry) => (
            <MenuItem key={entry.id} value={entry.id}>
              {`${names.get(entry.studentId) ?? `#${entry.studentId}`} · ${String(entry.tier)}`}
            </MenuItem>
          ))}
        </TextField>
        <RadioGroup row value={change} onChange={(event) => setChange(event.target.value === 'remove' ? 'remove' : 'tier')}>
          <FormControlLabel value="tier" control={<Radio />} label={translate('zizhu.programs.amendTier')} />
          <FormControlLabel value="remove" control={<Radio />} label={translate('zizhu.programs.amendRemove')} />
        </RadioGroup>
        {change === 'tier' && (
          <TextField
            select
            label={translate('resources.roster-entries.fields.tier')}
            value={tier}
            onChange={(event) => setTier(event.target.value)}
            error={errors.tier !== undefined}
            helperText={errors.tier}
          >
            {tiers.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {choice.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          required
          multiline
          minRows={2}
          label={translate('zizhu.programs.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.reason !== undefined}
          helperText={errors.reason}
        />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('zizhu.programs.cancel')}</MuiButton>
        <MuiButton variant="contained" disabled={sending || entryId === ''} onClick={() => void send()}>
          {translate('zizhu.programs.amend')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
