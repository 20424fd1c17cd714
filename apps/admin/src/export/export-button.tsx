import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import DownloadIcon from '@mui/icons-material/Download';
import { CircularProgress, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useResourceContext, useTranslate } from 'react-admin';
import { useFileDownload } from '../files/use-file-download';
import { API_URL } from '../providers/http-client';
import { EXPORT_FORMATS, exportUrl, type ExportFormat } from './export-url';

/**
 * "导出" on a generated List: the whole filtered, sorted result (every page) as Excel or CSV,
 * masked the way the API masks it for this user.
 */
export function ExportButton() {
  const resource = useResourceContext();
  const { filterValues, sort, total } = useListContext();
  const translate = useTranslate();
  const { download, pending } = useFileDownload();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!resource) return null;

  const run = (format: ExportFormat): void => {
    setAnchor(null);
    void download(exportUrl(API_URL, resource, format, filterValues, sort), `${resource}.${format}`);
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
    </>
  );
}
