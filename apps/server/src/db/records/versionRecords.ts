import { decodeJson, type VersionEncoding } from '../sqlite/versionCodec';
import type { VersionRecord } from '../storage';

/**
 * The stored columns a version listing is read from: no JSON, no state. Its `stateBytes` is an
 * SQL expression each dialect writes its own way (length / octet_length of the state).
 */
export const versionListingColumnNames = [
  'id',
  'playbookId',
  'number',
  'kind',
  'label',
  'note',
  'authorId',
  'authorName',
  'createdAt',
] as const satisfies readonly (keyof VersionRecord)[];

/** A version row (its JSON as stored, in its encoding) as a record. SQLite may hand back a string. */
export function toVersionRecord({
  json,
  encoding,
  ...rest
}: { json: Buffer | string; encoding: VersionEncoding } & Omit<VersionRecord, 'json'>): VersionRecord {
  return { ...rest, json: decodeJson(json, encoding) };
}
