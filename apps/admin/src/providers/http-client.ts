import { fetchUtils } from 'react-admin';
import { i18nProvider } from './i18n-provider';
import { sessionStore } from './session-store';

export const API_URL = '/api';

export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  body: string;
  json: T;
}

/**
 * fetchJson with the bearer token and the UI language (the API localises its messages by
 * `Accept-Language`). Errors reject as react-admin `HttpError(message, status, body)`, so a
 * 422 body `{ errors: { field: message } }` lands on the form inputs.
 */
export function httpClient<T = unknown>(url: string, options: fetchUtils.Options = {}): Promise<JsonResponse<T>> {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  headers.set('Accept-Language', i18nProvider.getLocale());
  const token = sessionStore.token();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetchUtils.fetchJson(url, { ...options, headers });
}
