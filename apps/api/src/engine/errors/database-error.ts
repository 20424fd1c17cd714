/** PostgreSQL's error fields, whichever wrapper (QueryFailedError or pg's own) carries them. */
export function databaseError(error: unknown): { code: string; constraint?: string } | undefined {
  const candidate = (error as { driverError?: unknown })?.driverError ?? error;
  const code = (candidate as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? (candidate as { code: string; constraint?: string }) : undefined;
}

/**
 * A value PostgreSQL refused for what it is, not for a fault of ours: class 22 (data
 * exception: out of range, impossible date, U+0000, text where a number belongs) and
 * 54000 (a value too long for its index).
 */
export function isRejectedValue(error: unknown): boolean {
  const code = databaseError(error)?.code;
  return !!code && (code.startsWith('22') || code === '54000');
}
