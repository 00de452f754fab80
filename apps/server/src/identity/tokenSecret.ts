import { createHash, randomBytes } from 'node:crypto';

/** API tokens start with this, so secret scanners (and people) recognise a leaked one. */
export const tokenPrefix = 'fc_';

/** A new token secret: the prefix and 32 random bytes. */
export function newTokenSecret(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored and looked up for a secret (tokens, invitation and setup links): its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A random single-use link token (invitations, first-run setup). */
export function newLinkToken(): string {
  return randomBytes(24).toString('base64url');
}
