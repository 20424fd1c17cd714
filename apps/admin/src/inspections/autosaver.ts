/** How long the fill page waits after the last change before it saves. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { status: 'idle' }
  /** Changed; the save waits for the user to pause. */
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'saved'; at: Date }
  | { status: 'failed'; error: unknown };

export interface AutosaverOptions {
  delayMs: number;
  /** Sends the latest answers (read when the save starts, not when the change happened). */
  save(): Promise<void>;
  onState(state: SaveState): void;
}

/**
 * Debounced saving: a change (re)starts the wait; one save runs at a time, and changes made
 * while it runs are sent by one more save right after it, so the last answers always reach
 * the server and never overtake an older save.
 */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Changes not yet sent, or sent by a save that failed. */
  private dirty = false;

  constructor(private readonly options: AutosaverOptions) {}

  /** Something changed: save once the user pauses. */
  changed(): void {
    if (this.stopped) return;
    this.dirty = true;
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
    if (!this.running) this.options.onState({ status: 'pending' });
  }

  /** Whether a change has not reached the server yet. */
  get unsaved(): boolean {
    return this.dirty || this.running !== null;
  }

  /** Saves now (after the running save, if one is). */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run();
    return this.running;
  }

  /**
   * Before submitting: what is not saved yet is saved now, and the running save finishes —
   * so a refused submit loses nothing, and no save lands after the submit.
   */
  async settle(): Promise<void> {
    this.clearTimer();
    if (this.dirty) await this.flush();
    else await this.running;
  }

  /** No more saves (the inspection was submitted, or the page left after its last flush). */
  stop(): void {
    this.clearTimer();
    this.again = false;
    this.stopped = true;
  }

  private async run(): Promise<void> {
    this.options.onState({ status: 'saving' });
    this.dirty = false;
    try {
      await this.options.save();
      if (!this.again && !this.stopped) this.options.onState({ status: 'saved', at: new Date() });
    } catch (error) {
      this.dirty = true;
      if (!this.stopped) this.options.onState({ status: 'failed', error });
    } finally {
      this.running = null;
    }
    if (this.again && !this.stopped) {
      this.again = false;
      await this.flush();
    }
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** 14:03:05, as the save indicator shows the time. */
export function clockTime(at: Date): string {
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
