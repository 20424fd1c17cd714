import PublishIcon from '@mui/icons-material/Publish';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { PlanImportReport } from '@zizhu/schema';
import { useRef, useState } from 'react';
import { Button, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiErrorMessage, apiFieldErrors } from '../providers/api-error';
import { languageOf } from '../providers/locales';
import { importPlanSheet, publishPlan } from './plans-api';

/** A draft plan the user may write: what 发布 and 导入 need. */
function useDraft(): boolean {
  const record = useRecordContext();
  return record?.status === 'draft' && record.writable !== false;
}

/** 发布计划 on a draft plan: the API checks its duties once more and generates each unit's occurrences. */
export function PublishPlanButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!useDraft() || !record) return null;
  const publish = async () => {
    setBusy(true);
    try {
      await publishPlan(record.id);
      notify('zizhu.plans.published', { type: 'success' });
      refresh();
    } catch (error) {
      const message = [apiErrorMessage(error), ...Object.values(apiFieldErrors(error))].filter(Boolean).join(' — ');
      notify(message || 'ra.notification.http_error', { type: 'error', multiLine: true, messageArgs: { _: message } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="zizhu.plans.publish" onClick={() => void publish()} disabled={busy} data-testid="plan-publish">
      <PublishIcon />
    </Button>
  );
}

/** 导入计划表 on a draft plan: the sheet's duties are added for review; what could not be read is listed with its row. */
export function ImportPlanButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<PlanImportReport>();
  const [refusal, setRefusal] = useState<string>();
  if (!useDraft() || !record) return null;

  async function send(file: File) {
    setPending(true);
    setRefusal(undefined);
    setReport(undefined);
    try {
      const answer = await importPlanSheet(record!.id, file);
      if (answer.ok) {
        setReport(answer.report);
        refresh();
      } else setRefusal(answer.errors.file ?? answer.message);
    } finally {
      setPending(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <Button label="zizhu.plans.importSheet" onClick={() => setOpen(true)} data-testid="plan-import">
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('zizhu.plans.importSheet')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('zizhu.plans.importHelp')}
          </Typography>
          <input
            ref={input}
            type="file"
            accept=".xlsx"
            hidden
            data-testid="plan-sheet-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
          <MuiButton variant="contained" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={pending}>
            {translate('zizhu.plans.chooseFile')}
          </MuiButton>
          {refusal && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {refusal}
            </Alert>
          )}
          {report && (
            <Alert severity={report.problems.length ? 'warning' : 'success'} sx={{ mt: 2 }} data-testid="plan-import-report">
              {translate('zizhu.plans.imported', { rows: report.rows, created: report.created, merged: report.merged })}
              {report.problems.length > 0 && (
                <>
                  <Typography variant="body2" sx={{ mt: 1 }}>
                    {translate('zizhu.plans.importProblems')}
                  </Typography>
                  <List dense>
                    {report.problems.map((problem) => (
                      <ListItem key={`${problem.row}-${problem.text}`} disableGutters>
                        <ListItemText primary={`${translate('zizhu.plans.importRow', { row: problem.row })}：${problem.text}`} secondary={problem.message[language]} />
                      </ListItem>
                    ))}
                  </List>
                </>
              )}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('zizhu.plans.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** A plan's buttons beside 编辑. */
export function PlanActions() {
  return (
    <>
      <PublishPlanButton />
      <ImportPlanButton />
    </>
  );
}
