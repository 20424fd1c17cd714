import type { Request } from 'express';

/** The families' page in the panel: a route without login. */
export const AID_QUERY_ROUTE = '/#/aid-query';

/**
 * Where families reach the platform: `PUBLIC_BASE_URL` when set (behind a proxy, or when
 * officers use an internal address), else the origin the officer's request came to.
 */
export function publicBaseUrl(request: Pick<Request, 'protocol' | 'get'>): string {
  const configured = process.env.PUBLIC_BASE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

/** The link a letter prints and its QR code encodes. */
export function aidQueryUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${AID_QUERY_ROUTE}`;
}
