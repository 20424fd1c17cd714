import type { ImportJob, ImportStatus } from '@zizhu/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { fetchImportJob } from './import-api';

const POLL_MS = 700;
/** Extra polls after an action whose status change the server may not show at once. */
const GRACE_POLLS = 4;

const ACTIVE: ReadonlySet<ImportStatus> = new Set(['validating', 'committing']);
export const isActive = (status: ImportStatus): boolean => ACTIVE.has(status);

export interface ImportJobState {
  job: ImportJob | undefined;
  error: unknown;
  /** Call after changing the job (mapping, commit, cancel): reloads and polls again. */
  refresh(): void;
}

/** `GET /api/imports/<id>`, re-read every 700 ms while the job is validating or committing. */
export function useImportJob(id: number): ImportJobState {
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  /** After an action: keep polling while the status is still the one the action started from. */
  const grace = useRef<{ from: ImportStatus | undefined; polls: number }>({ from: undefined, polls: 0 });
  const status = useRef<ImportStatus | undefined>(undefined);
  // Read through a ref: the polling effect restarts only for another job or a refresh.
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const checkAccess = useRef(logoutIfAccessDenied);
  useEffect(() => {
    checkAccess.current = logoutIfAccessDenied;
  }, [logoutIfAccessDenied]);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      try {
        const next = await fetchImportJob(id);
        if (!alive) return;
        setJob(next);
        setError(null);
        status.current = next.status;
        const pending = grace.current;
        const waiting = pending.polls > 0 && next.status === pending.from;
        pending.polls = waiting ? pending.polls - 1 : 0;
        if (isActive(next.status) || waiting) timer = setTimeout(() => void load(), POLL_MS);
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
  }, [id, generation]);

  const refresh = useCallback(() => {
    grace.current = { from: status.current, polls: GRACE_POLLS };
    setGeneration((n) => n + 1);
  }, []);

  return { job, error, refresh };
}
