import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress, type ButtonProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFileDownload } from './use-file-download';

export interface FileDownloadButtonProps {
  url: string;
  fallbackName: string;
  /** i18n key of the button text. */
  label: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
}

/** A button that downloads one API file, disabled (with a spinner) until it has arrived. */
export function FileDownloadButton({ url, fallbackName, label, variant = 'outlined', size = 'medium' }: FileDownloadButtonProps) {
  const translate = useTranslate();
  const { download, pending } = useFileDownload();
  return (
    <Button
      variant={variant}
      size={size}
      disabled={pending}
      startIcon={pending ? <CircularProgress size={16} /> : <DownloadIcon />}
      onClick={() => void download(url, fallbackName)}
    >
      {translate(label)}
    </Button>
  );
}
