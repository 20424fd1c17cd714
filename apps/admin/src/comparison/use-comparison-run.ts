import { isJobRunning, type JobStatusPayload } from '@zizhu/schema';
import { useCallback, useEffect, useRef, useState } from 'react';
import { HttpError, useLocale, useNotify, useRefresh } from 'react-admin';
import { useJobProgress } from '../jobs/use-job-progress';
import { API_URL, httpClient } from '../providers/http-client';
import { COMPARISONS_RESOURCE } from './progress-api';

export interface RunProgress {
  percent: number;
  step?: string;
}

interface RunRecord extends JobStatusPayload {
  progress?: { step?: string; percent?: number } | null;
  message?: Record<string, string> | string | null;
}

const runUrl = (id: string | number, suffix = '') => `${API_URL}/${COMPARISONS_RESOURCE}/${encodeURIComponent(String(id))}${suffix}`;

const errorMessage = (error: unknown): string => (error instanceof HttpError || error instanceof Error ? error.message : '');

/**
 * Starts a comparison (`POST /comparisons/:id/run`, 202) and follows it with the job
 * polling hook (`GET /comparisons/:id`) while it is running. `progress` is null when
 * nothing runs. When it ends the record is refreshed and the user told; errors are
 * notified with the API's message.
 */
export function useComparisonRun(id: string | number | undefined): { start: () => Promise<void>; progress: RunProgress | null } {
  const [started, setStarted] = useState(false);
  const [following, setFollowing] = useState<string | null>(null);
  const { job: run, error } = useJobProgress<RunRecord>(following);
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

  const finish = useCallback(() => {
    setFollowing(null);
    setStarted(false);
  }, []);

  // The run has ended (or could not be read): refresh the page and say how it went.
  useEffect(() => {
    if (following === null) return;
    if (error) {
      const message = errorMessage(error);
      notify(message || 'zizhu.comparison.runFailed', { type: 'error', messageArgs: { _: message } });
      finish();
      return;
    }
    if (!run || isJobRunning(run.status)) return;
    refresh();
    if (run.status === 'failed') {
      const message = typeof run.message === 'string' ? run.message : (run.message?.[locale] ?? run.message?.zh);
      notify(message ?? 'zizhu.comparison.runFailed', { type: 'error', messageArgs: { _: message } });
    } else {
      notify('zizhu.comparison.runDone', { type: 'success' });
    }
    finish();
  }, [following, run, error, locale, notify, refresh, finish]);

  const start = useCallback(async () => {
    if (id == null) return;
    setStarted(true);
    try {
      await httpClient<RunRecord>(runUrl(id, '/run'), { method: 'POST' });
      if (mounted.current) setFollowing(runUrl(id));
    } catch (failure) {
      if (!mounted.current) return;
      const message = errorMessage(failure);
      notify(message || 'zizhu.comparison.runFailed', { type: 'error', messageArgs: { _: message } });
      setStarted(false);
    }
  }, [id, notify]);

  const progress: RunProgress | null = !started
    ? null
    : !run
      ? { percent: 0, step: 'queued' }
      : isJobRunning(run.status)
        ? { percent: run.progress?.percent ?? 0, step: run.progress?.step }
        : null;
  return { start, progress };
}
