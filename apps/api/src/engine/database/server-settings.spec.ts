import { serverSettingFlags, serverSettings } from './server-settings';

const GB = 1024 ** 3;

describe('the PostgreSQL settings the product runs with', () => {
  it('sizes memory to the machine, within bounds', () => {
    expect(serverSettings(24 * GB, 2)).toMatchObject({ shared_buffers: '6144MB', effective_cache_size: '12288MB', work_mem: '96MB', maintenance_work_mem: '1536MB', temp_buffers: '384MB', max_parallel_workers_per_gather: '1' });
    expect(serverSettings(1 * GB, 1)).toMatchObject({ shared_buffers: '256MB', effective_cache_size: '512MB', work_mem: '16MB', maintenance_work_mem: '64MB' });
    expect(serverSettings(512 * GB, 64)).toMatchObject({ shared_buffers: '8192MB', work_mem: '128MB', maintenance_work_mem: '2048MB', max_parallel_workers_per_gather: '4' });
  });

  it('turns JIT off and gives bulk loads room before a checkpoint', () => {
    expect(serverSettings(8 * GB, 4)).toMatchObject({ jit: 'off', max_wal_size: '8GB', checkpoint_timeout: '15min' });
  });

  it('passes each as a -c flag', () => {
    const flags = serverSettingFlags({ jit: 'off', work_mem: '16MB' });
    expect(flags).toEqual(['-c', 'jit=off', '-c', 'work_mem=16MB']);
  });
});
