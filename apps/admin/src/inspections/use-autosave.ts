import { useCallback, useEffect, useRef, useState } from 'react';
import { AUTOSAVE_DELAY_MS, Autosaver, type SaveState } from './autosaver';

export interface Autosave {
  state: SaveState;
  /** Call on every change of the answers. */
  changed(): void;
  /** Before submitting: no waiting save, the running one finished. */
  settle(): Promise<void>;
  /** After submitting: nothing more is saved. */
  stop(): void;
}

/**
 * The fill page's autosave: `save` runs once the user pauses (`delayMs` after the last
 * change), one at a time. Leaving the page sends what is still unsaved; closing the tab with
 * unsaved changes asks first.
 */
export function useAutosave(save: () => Promise<void>, delayMs = AUTOSAVE_DELAY_MS): Autosave {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  }, [save]);
  const saver = useRef<Autosaver | null>(null);
  useEffect(() => {
    const autosaver = new Autosaver({ delayMs, save: () => latestSave.current(), onState: setState });
    saver.current = autosaver;
    const warn = (event: BeforeUnloadEvent) => {
      if (autosaver.unsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (autosaver.unsaved) void autosaver.flush();
      autosaver.stop();
      saver.current = null;
    };
  }, [delayMs]);
  const changed = useCallback(() => saver.current?.changed(), []);
  const settle = useCallback(async () => saver.current?.settle(), []);
  const stop = useCallback(() => saver.current?.stop(), []);
  return { state, changed, settle, stop };
}
