/** Why the collaboration core could not serve a REST command; http/problem.ts maps these to problems. */
export class CollabError extends Error {
  override name = 'CollabError';
  constructor(
    readonly reason: 'storage-unavailable' | 'shutting-down' | 'server-busy',
    message: string,
    /** When retrying may work, in seconds (for Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
