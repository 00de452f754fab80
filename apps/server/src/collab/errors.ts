/** Why the collaboration core could not serve a REST command; http/problem.ts maps these to problems. */
export class CollabError extends Error {
  override name = 'CollabError';
  constructor(
    readonly reason: 'storage-unavailable' | 'shutting-down',
    message: string,
    /** `cause`: the storage error behind it, so the problem can say what to do. */
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
