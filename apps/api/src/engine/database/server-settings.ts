import { cpus, totalmem } from 'node:os';

const MB = 1024 * 1024;
const GB = 1024 * MB;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const mb = (bytes: number) => `${Math.floor(bytes / MB)}MB`;

/**
 * The PostgreSQL settings the product runs with, sized to the machine: the embedded server
 * starts with them, and the README recommends them for an external server. This workload
 * is bulk (imports of a million rows, set-based comparison and reconciliation statements)
 * beside short indexed reads, so: a quarter of memory for shared buffers (capped, since the
 * OS cache does the rest); WAL large enough that a bulk load is not cut into checkpoints
 * that each re-log every page they touch; no JIT (compiling costs more than it saves on
 * statements of milliseconds, and a 1.5 M-row statement runs once); memory per sort and
 * per maintenance step enough for index builds and hash joins of a county at once;
 * temporary buffers enough for an import's keys.
 */
export function serverSettings(memory = totalmem(), cores = cpus().length): Record<string, string> {
  return {
    shared_buffers: mb(clamp(memory / 4, 128 * MB, 8 * GB)),
    effective_cache_size: mb(clamp(memory / 2, 512 * MB, 48 * GB)),
    work_mem: mb(clamp(memory / 256, 16 * MB, 128 * MB)),
    maintenance_work_mem: mb(clamp(memory / 16, 64 * MB, 2 * GB)),
    // Per session, taken only as used: an import committed while read keeps the business keys
    // of every row so far in a temporary table (some 150 MB for 1.5 M rows) that would
    // otherwise be written out and read back for every batch.
    temp_buffers: mb(clamp(memory / 64, 32 * MB, 1 * GB)),
    max_wal_size: '8GB',
    min_wal_size: '1GB',
    checkpoint_timeout: '15min',
    checkpoint_completion_target: '0.9',
    wal_buffers: '64MB',
    jit: 'off',
    random_page_cost: '1.1',
    effective_io_concurrency: '200',
    max_parallel_workers_per_gather: String(clamp(Math.floor(cores / 2), 1, 4)),
  };
}

/** The settings as `postgres -c name=value` flags. */
export function serverSettingFlags(settings = serverSettings()): string[] {
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

/** The settings worth printing beside a measurement, read back from a running server. */
export const REPORTED_SETTINGS = [...Object.keys(serverSettings()), 'data_checksums', 'server_version', 'synchronous_commit', 'full_page_writes'] as const;
