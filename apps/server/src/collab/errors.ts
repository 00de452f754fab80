/** Why the collaboration core could not serve a REST command; http/problem.ts maps these to problems. */
export class CollabError extends Error {
  override name = 'CollabError';
  constructor(
    readonly reason: 'storage-unavailable' | 'shutting-down' | 'server-busy',
    message: string,
    options?: {
      /** The storage error behind it, so the problem can say what to do. */
      cause?: unknown;
      /** When retrying may work, in seconds (for Retry-After). */
      retryAfterSeconds?: number;
    },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  readonly retryAfterSeconds: number | undefined;
}
