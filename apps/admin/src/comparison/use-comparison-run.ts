import { useCallback, useEffect, useRef, useState } from 'react';
import { HttpError, useLocale, useNotify, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../providers/http-client';
import { COMPARISONS_RESOURCE } from './progress-api';

/** How often a running comparison is polled. */
export const POLL_MS = 700;

export interface RunProgress {
  percent: number;
  step?: string;
}

interface RunRecord {
  status: string | null;
  progress?: { step?: string; percent?: number } | null;
  message?: Record<string, string> | string | null;
}

const runUrl = (id: string | number, suffix = '') => `${API_URL}/${COMPARISONS_RESOURCE}/${encodeURIComponent(String(id))}${suffix}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a comparison (`POST /comparisons/:id/run`, 202) and polls `GET /comparisons/:id`
 * while it is running. `progress` is null when nothing runs. When it ends the record is
 * refreshed and the user told; errors are notified with the API's message.
 */
export function useComparisonRun(id: string | number | undefined): { start: () => Promise<void>; progress: RunProgress | null } {
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const notify = useNotify();
  const refresh = useRefresh();
  const locale = useLocale();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = useCallback(async () => {
    if (id == null) return;
    setProgress({ percent: 0, step: 'queued' });
    try {
      let { json: run } = await httpClient<RunRecord>(runUrl(id, '/run'), { method: 'POST' });
      while (run.status === 'running') {
        setProgress({ percent: run.progress?.percent ?? 0, step: run.progress?.step });
        await sleep(POLL_MS);
        if (!mounted.current) return;
        ({ json: run } = await httpClient<RunRecord>(runUrl(id)));
      }
      if (!mounted.current) return;
      refresh();
      if (run.status === 'failed') {
        const message = typeof run.message === 'string' ? run.message : (run.message?.[locale] ?? run.message?.zh);
        notify(message ?? 'zizhu.comparison.runFailed', { type: 'error', messageArgs: { _: message } });
      } else {
        notify('zizhu.comparison.runDone', { type: 'success' });
      }
    } catch (error) {
      if (!mounted.current) return;
      const message = error instanceof HttpError || error instanceof Error ? error.message : '';
      notify(message || 'zizhu.comparison.runFailed', { type: 'error', messageArgs: { _: message } });
    } finally {
      if (mounted.current) setProgress(null);
    }
  }, [id, locale, notify, refresh]);

  return { start, progress };
}
