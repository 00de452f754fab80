/** Why the collaboration core could not serve a REST command; http/problem.ts maps these to problems. */
export class CollabError extends Error {
  override name = 'CollabError';
  constructor(
    readonly reason: 'storage-unavailable' | 'shutting-down',
    message: string,
  ) {
    super(message);
  }
}
