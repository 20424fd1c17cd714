import { fetchUtils, HttpError } from 'react-admin';
import { i18nProvider } from './i18n-provider';
import { sessionStore } from './session-store';

export const API_URL = '/api';

export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  body: string;
  json: T;
}

/** The headers every API call carries: the bearer token and the UI language. */
function apiHeaders(init?: HeadersInit): Headers {
  const headers = new Headers(init ?? { Accept: 'application/json' });
  headers.set('Accept-Language', i18nProvider.getLocale());
  const token = sessionStore.token();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return headers;
}

/**
 * fetchJson with the bearer token and the UI language (the API localises its messages by
 * `Accept-Language`). Errors reject as react-admin `HttpError(message, status, body)`, so a
 * 422 body `{ errors: { field: message } }` lands on the form inputs.
 */
export function httpClient<T = unknown>(url: string, options: fetchUtils.Options = {}): Promise<JsonResponse<T>> {
  return fetchUtils.fetchJson(url, { ...options, headers: apiHeaders(options.headers) });
}

export interface FileResponse {
  blob: Blob;
  /** From `Content-Disposition`, or null when the server named no file. */
  fileName: string | null;
}

/**
 * A file from the API (exports, templates, error reports), with the same headers as
 * `httpClient`. An error answer is the API's JSON error, rejected as an `HttpError`.
 */
export async function fetchFile(url: string): Promise<FileResponse> {
  const response = await fetch(url, { headers: apiHeaders({ Accept: '*/*' }) });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the status text
    }
    const message = isMessageBody(body) ? body.message : response.statusText;
    throw new HttpError(message, response.status, body);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

function isMessageBody(body: unknown): body is { message: string } {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string';
}

/** `filename*=UTF-8''…` (RFC 5987, how Chinese names travel) first, then plain `filename=`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed escapes: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  return plain ? (plain[2] ?? plain[1]).trim() : null;
}
