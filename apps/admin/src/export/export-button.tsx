import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Button, useGetResourceLabel, useListContext, useResourceContext, useTranslate } from 'react-admin';
import { useFileDownload } from '../files/use-file-download';
import { apiErrorMessage } from '../providers/api-error';
import { API_URL, httpClient } from '../providers/http-client';
import { ExportJobDialog } from './export-job-dialog';
import { EXPORT_FORMATS, EXPORT_JOB_THRESHOLD, exportJobStartUrl, exportUrl, type ExportFormat } from './export-url';

interface JobState {
  id: number | null;
  error: string | null;
  format: ExportFormat;
}

/**
 * "导出" on a generated List: the whole filtered, sorted result (every page) as Excel or CSV,
 * masked the way the API masks it for this user. Past 50,000 rows it runs as a background
 * job, with a progress dialog and a download button once the file is ready.
 */
export function ExportButton() {
  const resource = useResourceContext();
  const { filterValues, sort, total } = useListContext();
  const translate = useTranslate();
  const { download, pending } = useFileDownload();
  const getResourceLabel = useGetResourceLabel();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  if (!resource) return null;

  const startJob = async (format: ExportFormat): Promise<void> => {
    setJob({ id: null, error: null, format });
    try {
      const { json } = await httpClient<{ id: number }>(exportJobStartUrl(API_URL, resource, format, filterValues, sort), {
        method: 'POST',
      });
      setJob({ id: json.id, error: null, format });
    } catch (error) {
      setJob({ id: null, error: apiErrorMessage(error) ?? 'zizhu.export.jobStartFailed', format });
    }
  };

  const run = (format: ExportFormat): void => {
    setAnchor(null);
    if ((total ?? 0) > EXPORT_JOB_THRESHOLD) void startJob(format);
    else void download(exportUrl(API_URL, resource, format, filterValues, sort), `${resource}.${format}`);
  };

  return (
    <>
      <Tooltip title={translate('zizhu.export.hint')} describeChild>
        <span>
          <Button
            label="zizhu.export.button"
            disabled={pending || total === 0}
            onClick={(event) => setAnchor(event.currentTarget)}
            aria-haspopup="menu"
            aria-controls={anchor ? 'export-menu' : undefined}
            alignIcon="left"
            endIcon={<ArrowDropDownIcon />}
          >
            {pending ? <CircularProgress size={16} /> : <DownloadIcon />}
          </Button>
        </span>
      </Tooltip>
      <Menu id="export-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {EXPORT_FORMATS.map((format) => (
          <MenuItem key={format} onClick={() => run(format)}>
            <ListItemText
              primary={translate(`zizhu.export.${format}`)}
              secondary={translate(`zizhu.export.${format}Hint`)}
            />
          </MenuItem>
        ))}
      </Menu>
      {job && (
        <ExportJobDialog
          jobId={job.id}
          startError={job.error}
          resourceLabel={getResourceLabel(resource, 2)}
          fallbackName={`${resource}.${job.format}`}
          onClose={() => setJob(null)}
        />
      )}
    </>
  );
}
