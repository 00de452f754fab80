import type { VersionListing } from '../db';

/**
 * A version as it leaves the server: in API responses and in webhook payloads alike, so a field
 * never differs between them. The author is the account that saved it (by name and id).
 */
export function presentVersion(v: VersionListing, publishedId: string | undefined) {
  return {
    number: v.number,
    kind: v.kind,
    label: v.label,
    note: v.note,
    author: v.authorName,
    authorId: v.authorId,
    createdAt: v.createdAt.toISOString(),
    published: v.id === publishedId,
    stateBytes: v.stateBytes,
  };
}
