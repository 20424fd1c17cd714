import { useCallback, useState } from 'react';
import { useNotify } from 'react-admin';
import { fetchFile } from '../providers/http-client';
import { apiErrorMessage } from '../providers/api-error';
import { saveFile } from './save-file';

export interface FileDownload {
  /** Fetches `url` with the token and saves it; the server's file name wins over `fallbackName`. */
  download(url: string, fallbackName: string): Promise<void>;
  pending: boolean;
}

/** Downloads an API file (it needs the bearer token, so a plain link would not do). */
export function useFileDownload(): FileDownload {
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const download = useCallback(
    async (url: string, fallbackName: string) => {
      setPending(true);
      try {
        const { blob, fileName } = await fetchFile(url);
        saveFile(blob, fileName ?? fallbackName);
      } catch (error) {
        const message = apiErrorMessage(error) ?? 'zizhu.files.downloadFailed';
        notify(message, { type: 'error', messageArgs: { _: message } });
      } finally {
        setPending(false);
      }
    },
    [notify],
  );
  return { download, pending };
}
