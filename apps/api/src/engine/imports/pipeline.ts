/**
 * Asynchronous steps run one after another in the background while the caller goes on
 * (a database writes batch k while the next batch is read). A step's failure is kept and
 * thrown by the next `next` or by `drain`, never left as an unhandled rejection.
 */
export class Pipeline {
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  /** Waits for the step before, then starts `step` without waiting for it. */
  async next(step: () => Promise<void>): Promise<void> {
    await this.tail;
    this.rethrow();
    this.tail = step().catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /** Waits for every step; throws the first failure. */
  async drain(): Promise<void> {
    await this.tail;
    this.rethrow();
  }

  /** Waits for every step, whatever happened (clean-up before releasing a connection). */
  async settle(): Promise<void> {
    await this.tail;
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
