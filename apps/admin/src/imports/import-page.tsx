import HistoryIcon from '@mui/icons-material/History';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { Button, LinkBase, Loading, Title, useParams, useTranslate } from 'react-admin';
import { useSchema } from '../schema/use-schema';
import { IMPORTS_RESOURCE } from './import-api';
import { isImportable } from './import-modes';
import { ImportSteps } from './import-steps';
import { TemplateSection } from './template-section';
import { UploadSection } from './upload-section';
import { useResourceLabel } from './use-resource-label';

/** `/import/<resource>`: steps 1 and 2 of the wizard (template, upload). */
export function ImportPage() {
  const { resource = '' } = useParams<{ resource: string }>();
  const payload = useSchema();
  const translate = useTranslate();
  const label = useResourceLabel(resource);
  if (!payload) return <Loading />;
  const schema = payload.resources.find((candidate) => candidate.name === resource);
  const history = payload.resources.some((candidate) => candidate.name === IMPORTS_RESOURCE);
  const title = translate('zizhu.import.pageTitle', { resource: label });

  return (
    <Box sx={{ mt: 2, maxWidth: 960 }}>
      <Title title={<>{title}</>} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
        {schema && isImportable(schema) && (
          <Typography variant="body1" color="text.secondary">
            {translate('zizhu.import.intro', { resource: label })}
          </Typography>
        )}
        {history && (
          <Button component={LinkBase} to={`/${IMPORTS_RESOURCE}`} label="zizhu.import.history" sx={{ flexShrink: 0 }}>
            <HistoryIcon />
          </Button>
        )}
      </Stack>
      {!schema || !isImportable(schema) ? (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {translate('zizhu.import.notAllowed', { resource: label })}
        </Alert>
      ) : (
        <>
          <ImportSteps active={0} />
          <Stack spacing={2}>
            <TemplateSection schema={schema} />
            <UploadSection schema={schema} />
          </Stack>
        </>
      )}
    </Box>
  );
}
