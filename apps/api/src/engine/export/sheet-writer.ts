/** Writes exported records to an output stream in one format, one line or row per record. */
export interface SheetWriter {
  /**
   * Queues presented records (masked as the list masks them) for the output, each as its
   * columns' values. Call `caughtUp` before queueing more.
   */
  writeRecords(records: readonly Readonly<Record<string, unknown>>[]): void;
  /** Resolves once what was queued has mostly gone out, so memory stays flat. */
  caughtUp(): Promise<void>;
  /** Ends the file and resolves when the output has taken all of it. */
  finish(): Promise<void>;
}
