import type { ApiErrorBody } from '@zizhu/schema';
import { HttpError } from 'react-admin';

/** The API's localised message for a failed call, or null when there is none to show. */
export function apiErrorMessage(error: unknown): string | null {
  if (error instanceof HttpError) {
    const body = error.body as Partial<ApiErrorBody> | null;
    return body?.message ?? (error.message || null);
  }
  return error instanceof Error && error.message ? error.message : null;
}

/** Field errors of a 422 (`errors` keyed by field), if any. */
export function apiFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof HttpError)) return {};
  return (error.body as Partial<ApiErrorBody> | null)?.errors ?? {};
}
