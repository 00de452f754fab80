/** Runs a task per key once calls for that key have stopped for `quietMs` (a debounce per playbook). */
export class QuietTimer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each key's task is due; a touch only moves this, the timer re-arms itself when it fires early. */
  private readonly due = new Map<string, number>();

  constructor(
    private readonly quietMs: number,
    private readonly task: (key: string) => Promise<void>,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  /** Called on every edit, so it only records a time; resetting a timer per keystroke cost too much. */
  touch(key: string): void {
    this.due.set(key, Date.now() + this.quietMs);
    if (!this.timers.has(key)) this.arm(key, this.quietMs);
  }

  private arm(key: string, delayMs: number): void {
    const timer = setTimeout(() => {
      const remaining = (this.due.get(key) ?? 0) - Date.now();
      if (remaining > 0) {
        this.arm(key, remaining);
        return;
      }
      this.timers.delete(key);
      this.due.delete(key);
      this.task(key).catch((error: unknown) => this.onError(key, error));
    }, delayMs);
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
    this.due.clear();
  }
}
