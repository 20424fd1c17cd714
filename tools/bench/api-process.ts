import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiNodeFlags } from './api-node-flags';

export interface ApiProcess {
  child: ChildProcess;
  base: string;
}

/**
 * The API serving `databaseUrl` in a child process of its own (api-server.ts), so that its
 * CPU and memory are not the benchmark's, as an instance of `role` (ZIZHU_ROLE; default all).
 * Answers once it listens.
 */
export async function startApiProcess(databaseUrl: string, role: 'all' | 'web' | 'worker' = 'all'): Promise<ApiProcess> {
  const child = spawn(process.execPath, [...apiNodeFlags(), '-r', '@swc-node/register', '-r', 'tsconfig-paths/register', join(__dirname, 'api-server.ts')], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, ZIZHU_ROLE: role },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

export async function stopApiProcess(api: ApiProcess): Promise<void> {
  if (api.child.exitCode !== null) return;
  api.child.kill('SIGTERM');
  await once(api.child, 'exit');
}

function procStatus(child: ChildProcess, key: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The API process's resident memory now, and its high-water mark, in MB. */
export const rssMb = (child: ChildProcess) => procStatus(child, 'VmRSS');
export const hwmMb = (child: ChildProcess) => procStatus(child, 'VmHWM');
