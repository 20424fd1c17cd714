import { Autosaver, clockTime, type SaveState } from './autosaver';

/** A save whose answer the spec gives when it wants (a slow network). */
function deferredSaves() {
  const pending: { resolve(): void; reject(error: Error): void }[] = [];
  const save = jest.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { save, pending };
}

const flushPromises = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('Autosaver', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function saver(save: () => Promise<void>) {
    const states: SaveState['status'][] = [];
    const autosaver = new Autosaver({ delayMs: 1500, save, onState: (state) => states.push(state.status) });
    return { autosaver, states };
  }

  it('saves once after the user pauses, however many changes came before', async () => {
    const save = jest.fn(async () => undefined);
    const { autosaver, states } = saver(save);
    autosaver.changed();
    jest.advanceTimersByTime(1000);
    autosaver.changed();
    jest.advanceTimersByTime(1000);
    autosaver.changed();
    expect(save).not.toHaveBeenCalled();
    expect(autosaver.unsaved).toBe(true);
    jest.advanceTimersByTime(1500);
    await flushPromises();
    expect(save).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toBe('saved');
    expect(autosaver.unsaved).toBe(false);
  });

  it('sends changes made during a save by one more save after it, never two at once', async () => {
    const { save, pending } = deferredSaves();
    const { autosaver, states } = saver(save);
    autosaver.changed();
    jest.advanceTimersByTime(1500);
    expect(save).toHaveBeenCalledTimes(1);
    autosaver.changed();
    jest.advanceTimersByTime(1500);
    autosaver.changed();
    jest.advanceTimersByTime(1500);
    expect(save).toHaveBeenCalledTimes(1);
    pending[0].resolve();
    await flushPromises();
    expect(save).toHaveBeenCalledTimes(2);
    expect(states).not.toContain('saved');
    pending[1].resolve();
    await flushPromises();
    expect(states.at(-1)).toBe('saved');
  });

  it('reports a failed save and keeps the changes unsaved until the next one succeeds', async () => {
    const { save, pending } = deferredSaves();
    const { autosaver, states } = saver(save);
    autosaver.changed();
    jest.advanceTimersByTime(1500);
    pending[0].reject(new Error('offline'));
    await flushPromises();
    expect(states.at(-1)).toBe('failed');
    expect(autosaver.unsaved).toBe(true);
    autosaver.changed();
    jest.advanceTimersByTime(1500);
    pending[1].resolve();
    await flushPromises();
    expect(states.at(-1)).toBe('saved');
    expect(autosaver.unsaved).toBe(false);
  });

  it('before a submit: saves what is waiting at once and waits for it; once stopped, saves nothing', async () => {
    const { save, pending } = deferredSaves();
    const { autosaver } = saver(save);
    autosaver.changed();
    let settled = false;
    void autosaver.settle().then(() => (settled = true));
    expect(save).toHaveBeenCalledTimes(1);
    await flushPromises();
    expect(settled).toBe(false);
    pending[0].resolve();
    await flushPromises();
    expect(settled).toBe(true);
    autosaver.stop();
    autosaver.changed();
    jest.advanceTimersByTime(5000);
    await autosaver.flush();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('before a submit with nothing unsaved: waits for the running save only, and sends no other', async () => {
    const { save, pending } = deferredSaves();
    const { autosaver } = saver(save);
    autosaver.changed();
    jest.advanceTimersByTime(1500);
    let settled = false;
    void autosaver.settle().then(() => (settled = true));
    await flushPromises();
    expect(settled).toBe(false);
    pending[0].resolve();
    await flushPromises();
    expect(settled).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('shows the time of the last save as hh:mm:ss', () => {
    expect(clockTime(new Date(2026, 3, 1, 9, 5, 7))).toBe('09:05:07');
  });
});
