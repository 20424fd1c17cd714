import type { FileInfo } from '@zizhu/schema';
import { HttpError } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';

export const fileUrl = (id: number | string): string => `${API_URL}/files/${encodeURIComponent(String(id))}`;

export async function fetchFileInfo(id: number | string): Promise<FileInfo> {
  return (await httpClient<FileInfo>(`${fileUrl(id)}/info`)).json;
}

/** Uploads one file; a refusal rejects with the API's field message for `file`. */
export async function uploadFile(file: File): Promise<FileInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return (await httpClient<FileInfo>(`${API_URL}/files`, { method: 'POST', body: form })).json;
  } catch (error) {
    const body = error instanceof HttpError ? (error.body as { errors?: { file?: string } } | undefined) : undefined;
    throw new Error(body?.errors?.file ?? (error instanceof Error ? error.message : String(error)));
  }
}

/** 1.2 MB, 35 KB: sizes as officers read them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
