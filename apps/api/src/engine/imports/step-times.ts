/** Wall time spent in named steps, summed over an import's batches: what its log line reports. */
export class StepTimes {
  private readonly ms = new Map<string, number>();

  async time<T>(step: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(step, performance.now() - start);
    }
  }

  timeSync<T>(step: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(step, performance.now() - start);
    }
  }

  add(step: string, ms: number): void {
    this.ms.set(step, (this.ms.get(step) ?? 0) + ms);
  }

  /** `stage 3.1 s, match 12.0 s, …` in the order the steps first ran. */
  toString(): string {
    return [...this.ms].map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ');
  }
}
