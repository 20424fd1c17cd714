import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, CircularProgress } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, LinkBase, RecordContextProvider, Title, useGetOne, useRefresh, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { CHECKLIST_VERSIONS_RESOURCE } from '../checks/checklist-api';
import { FillButton } from './fill-button';
import { InspectionFillForm } from './inspection-fill-form';
import { INSPECTIONS_RESOURCE, mayFill, showPath, type ChecklistVersionRecord, type InspectionRecord } from './inspection-api';
import { useRole } from './use-role';

/**
 * `/inspections/:id/fill`: the answers form of a started inspection, for whoever may fill it
 * in; a planned one offers 开始检查 first, a submitted one says it is closed. Submitting opens
 * the inspection's page with its score.
 */
export function InspectionFillPage() {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const role = useRole();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const inspectionQuery = useGetOne<InspectionRecord>(INSPECTIONS_RESOURCE, { id }, { enabled: id !== '' });
  const inspection = inspectionQuery.data;
  const versionId = inspection?.versionId;
  const versionQuery = useGetOne<ChecklistVersionRecord>(CHECKLIST_VERSIONS_RESOURCE, { id: versionId ?? '' }, { enabled: versionId != null });
  const version = versionQuery.data;

  let body: ReactNode;
  if (inspectionQuery.error || versionQuery.error) {
    body = <Alert severity="error">{translate('zizhu.inspections.loadFailed')}</Alert>;
  } else if (!inspection || (inspection.status === 'started' && !version)) {
    body = <CircularProgress size={28} sx={{ m: 2 }} />;
  } else if (inspection.status === 'submitted') {
    body = <Alert severity="info">{translate('zizhu.inspections.alreadySubmitted')}</Alert>;
  } else if (!mayFill(inspection, role)) {
    body = <Alert severity="warning">{translate('zizhu.inspections.notYours')}</Alert>;
  } else if (inspection.status === 'planned') {
    body = (
      <RecordContextProvider value={inspection}>
        <Alert severity="info" action={<FillButton size="small" />}>
          {translate('zizhu.inspections.notStarted')}
        </Alert>
      </RecordContextProvider>
    );
  } else if (version) {
    body = (
      <InspectionFillForm
        key={String(inspection.id)}
        inspection={inspection}
        version={version}
        onSubmitted={() => {
          refresh();
          navigate(showPath(INSPECTIONS_RESOURCE, inspection.id));
        }}
      />
    );
  }

  return (
    // `contain: inline-size`: long one-line texts (the header's school and plan) must not widen the
    // layout beyond a phone's screen; the page takes the width it is given and they truncate.
    <Box sx={{ mt: { xs: 0, sm: 1 }, maxWidth: 960, width: '100%', minWidth: 0, contain: 'inline-size' }}>
      <Title title={translate('zizhu.inspections.fillTitle')} />
      <Button component={LinkBase} to={showPath(INSPECTIONS_RESOURCE, id)} label="zizhu.inspections.backToInspection" sx={{ mb: 1 }}>
        <ArrowBackIcon />
      </Button>
      {body}
    </Box>
  );
}
