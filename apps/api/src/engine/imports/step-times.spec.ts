import { StepTimes } from './step-times';

describe('StepTimes', () => {
  it('sums each step over its runs, in the order the steps first ran', async () => {
    const times = new StepTimes();
    await times.time('match', () => new Promise((resolve) => setTimeout(resolve, 30)));
    times.timeSync('validate', () => undefined);
    await times.time('match', () => new Promise((resolve) => setTimeout(resolve, 30)));
    times.add('stage', 1234);
    // Two waits of 30 ms: at least 0.06 s, shown as 0.1 (more on a busy machine).
    expect(times.toString()).toMatch(/^match 0\.[1-9] s, validate 0\.0 s, stage 1\.2 s$/);
  });

  it('counts a step that failed', async () => {
    const times = new StepTimes();
    await expect(times.time('write', async () => {
      throw new Error('no');
    })).rejects.toThrow('no');
    expect(times.toString()).toBe('write 0.0 s');
  });
});
