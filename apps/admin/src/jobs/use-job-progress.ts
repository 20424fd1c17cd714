import { isJobRunning, type JobStatusPayload } from '@zizhu/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { httpClient } from '../providers/http-client';

/** How often a running job is polled. */
export const JOB_POLL_MS = 700;
/** Extra polls after an action whose status change the server may not show at once. */
const GRACE_POLLS = 4;

export interface JobProgressState<T> {
  /** The job's last status answer (kept on screen when a later poll fails). */
  job: T | undefined;
  error: unknown;
  /** Call after changing the job (mapping, commit, cancel): reloads and polls again. */
  refresh(): void;
}

/**
 * The one polling hook for background jobs: `GET url`, again every `pollMs` while the job
 * runs (an import validating or committing, an export or a comparison running), then not
 * any more. `url` null: nothing to poll yet. A failed poll stops polling and is returned
 * as `error` (a lost session logs the user out).
 */
export function useJobProgress<T extends JobStatusPayload>(url: string | null, pollMs = JOB_POLL_MS): JobProgressState<T> {
  const [job, setJob] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  /** After an action: keep polling while the status is still the one the action started from. */
  const grace = useRef<{ from: string | null | undefined; polls: number }>({ from: undefined, polls: 0 });
  const status = useRef<string | null | undefined>(undefined);
  const shown = useRef<string | null>(null);
  // Read through a ref: the polling effect restarts only for another job or a refresh.
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const checkAccess = useRef(logoutIfAccessDenied);
  useEffect(() => {
    checkAccess.current = logoutIfAccessDenied;
  }, [logoutIfAccessDenied]);

  useEffect(() => {
    setError(null);
    // Another job (or none): the last one's answer goes; a refresh keeps it until the next.
    if (shown.current !== url) setJob(undefined);
    shown.current = url;
    if (url === null) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      try {
        const { json: next } = await httpClient<T>(url);
        if (!alive) return;
        setJob(next);
        setError(null);
        status.current = next.status;
        const pending = grace.current;
        const waiting = pending.polls > 0 && next.status === pending.from;
        pending.polls = waiting ? pending.polls - 1 : 0;
        if (isJobRunning(next.status) || waiting) timer = setTimeout(() => void load(), pollMs);
      } catch (failure) {
        if (!alive) return;
        setError(failure);
        void checkAccess.current(failure);
      }
    };
    void load();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [url, pollMs, generation]);

  const refresh = useCallback(() => {
    grace.current = { from: status.current, polls: GRACE_POLLS };
    setGeneration((n) => n + 1);
  }, []);

  return { job, error, refresh };
}
