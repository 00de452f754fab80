/**
 * Runs an async task at once when asked, and never twice at the same time: asks that arrive
 * while it runs are folded into one more run right after. Access re-checks use it, so a burst
 * of role changes costs two passes over the open sockets, not one per change.
 */
export class CoalescedTask {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.task();
        } catch (error) {
          this.onError(error);
        }
      } while (this.again);
      this.running = undefined;
    })();
  }

  /** Resolves once no run is pending (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
