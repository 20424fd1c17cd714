import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { fetchFileInfo, fileUrl, formatSize } from './file-api';
import { FileDownloadButton } from './file-download-button';

/** The attached file of a `reference: 'files'` field: its name, size and a download button. */
export function FileReferenceField({ source }: { source: string }) {
  const record = useRecordContext();
  const id: unknown = record?.[source];
  if (typeof id !== 'number' && typeof id !== 'string') return null;
  return <AttachedFile id={id} />;
}

export function AttachedFile({ id }: { id: number | string }) {
  const translate = useTranslate();
  const info = useQuery({ queryKey: ['files', String(id)], queryFn: () => fetchFileInfo(id), retry: false });
  if (info.isError) {
    return <Typography variant="body2" color="text.secondary">{translate('zizhu.files.unavailable', { id })}</Typography>;
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }} data-file={String(id)}>
      <AttachFileIcon fontSize="small" color="action" />
      <Typography component="span" variant="body2">
        {info.data ? `${info.data.name}（${formatSize(info.data.size)}）` : '…'}
      </Typography>
      <FileDownloadButton url={fileUrl(id)} fallbackName={info.data?.name ?? `file-${id}`} label="zizhu.files.download" size="small" variant="text" />
    </Box>
  );
}
