import EditNoteIcon from '@mui/icons-material/EditNote';
import {
  Alert,
  Autocomplete,
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
import { useSessionUser } from '../providers/use-session-user';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { amendRoster, ROSTER_ENTRIES_RESOURCE } from './roster-api';
import { rosterTiers, tierChoices } from './roster-tiers';

/** Who the API lets amend an approved roster (within their region). */
const AMENDERS = new Set(['admin', 'county']);

/** 更正: the one way an approved roster changes — a tier, a removal or an added student, with a reason, logged in its history. */
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
      {open && <AmendDialog rosterId={record.id} schoolId={record.schoolId} tiersValue={record.tiers} onClose={() => setOpen(false)} />}
    </>
  );
}

type Change = 'tier' | 'remove' | 'add';

interface AmendDialogProps {
  rosterId: Identifier;
  schoolId: Identifier;
  tiersValue: unknown;
  onClose(): void;
}

function AmendDialog({ rosterId, schoolId, tiersValue, onClose }: AmendDialogProps) {
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
  const [change, setChange] = useState<Change>('tier');
  const [studentId, setStudentId] = useState<Identifier | null>(null);
  const [search, setSearch] = useState('');
  // Students of the roster's school, found by name prefix or exact ID number.
  const { data: candidates = [] } = useGetList(
    'students',
    { filter: { schoolId, ...(search ? { q: search } : {}) }, pagination: { page: 1, perPage: 20 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: change === 'add' },
  );
  const [tier, setTier] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function send() {
    const body =
      change === 'add'
        ? studentId !== null && { studentId, tier, reason }
        : entryId !== '' && (change === 'remove' ? { entryId, remove: true as const, reason } : { entryId, tier, reason });
    if (!body) return;
    setSending(true);
    try {
      await amendRoster(rosterId, body);
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
        <RadioGroup row value={change} onChange={(event) => setChange(event.target.value as Change)}>
          <FormControlLabel value="tier" control={<Radio />} label={translate('zizhu.programs.amendTier')} />
          <FormControlLabel value="remove" control={<Radio />} label={translate('zizhu.programs.amendRemove')} />
          <FormControlLabel value="add" control={<Radio />} label={translate('zizhu.programs.amendAdd')} />
        </RadioGroup>
        {change === 'add' ? (
          <Autocomplete
            options={candidates}
            getOptionLabel={(student) => `${String(student.name)} · ${String(student.idNumber ?? '')}`}
            filterOptions={(options) => options}
            onInputChange={(_event, value, reason) => reason === 'input' && setSearch(value.split(' · ')[0].trim())}
            onChange={(_event, student) => setStudentId(student?.id ?? null)}
            renderInput={(params) => (
              <TextField {...params} label={translate('zizhu.programs.amendStudent')} error={errors.studentId !== undefined} helperText={errors.studentId} />
            )}
          />
        ) : (
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
        )}
        {change !== 'remove' && (
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
        <MuiButton variant="contained" disabled={sending || (change === 'add' ? studentId === null : entryId === '')} onClick={() => void send()}>
          {translate('zizhu.programs.amend')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
