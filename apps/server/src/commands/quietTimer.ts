/** Runs a task per key once calls for that key have stopped for `quietMs` (a debounce per playbook). */
export class QuietTimer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly quietMs: number,
    private readonly task: (key: string) => Promise<void>,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  touch(key: string): void {
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.task(key).catch((error: unknown) => this.onError(key, error));
    }, this.quietMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Runs every pending task now (used on shutdown, so nothing waits for a timer that will never fire). */
  async flush(): Promise<void> {
    const keys = [...this.timers.keys()];
    this.cancel();
    for (const key of keys) {
      try {
        await this.task(key);
      } catch (error) {
        this.onError(key, error);
      }
    }
  }

  cancel(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
