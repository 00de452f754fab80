import type { Change } from '@fullcourt/playbook';
import type { InferResponseType } from 'hono/client';
import { body, v1 } from './client';

const versions = v1.playbooks[':id'].versions;
const version = versions[':number'];

/** A page of versions, newest first, and which one is published (by whom, when). */
export type VersionPage = InferResponseType<typeof versions.$get, 200>;
/** A saved state of a playbook, as the version list shows it. */
export type VersionSummary = VersionPage['items'][number];
/** Which version is published, by whom and when; null before the first publication. */
export type Publication = NonNullable<VersionPage['published']>;
/**
 * The business diff between two states: their sides and the changes. The route documents each
 * change loosely (section, kind, text and more); what it sends is the package's `Change`, which
 * the server's differ builds, so that type is taken from there rather than written again.
 */
export type VersionDiff = Omit<InferResponseType<(typeof v1.playbooks)[':id']['diff']['$get'], 200>, 'changes'> & { changes: Change[] };

/** One side of a comparison: a version number, the published version, or the live document. */
export type VersionRef = number | 'live' | 'published';

export function listVersions(playbookId: string, options: { before?: number; limit?: number } = {}): Promise<VersionPage> {
  const query = {
    kind: 'all' as const,
    limit: String(options.limit ?? 50),
    ...(options.before === undefined ? {} : { before: String(options.before) }),
  };
  return body(versions.$get({ param: { id: playbookId }, query }));
}

export function saveVersion(playbookId: string, input: { label: string; note: string; stateVector?: string }) {
  return body(versions.$post({ param: { id: playbookId }, json: input }));
}

export function readVersion(playbookId: string, number: number) {
  return body(version.$get({ param: { id: playbookId, number: String(number) } }));
}

export function publishVersion(playbookId: string, number: number) {
  return body(version.publish.$post({ param: { id: playbookId, number: String(number) } }));
}

export function restoreVersion(playbookId: string, number: number) {
  return body(version.restore.$post({ param: { id: playbookId, number: String(number) } }));
}

/** The business diff from one state to another; `from: 'published'` fails with title "Not published" before the first publication. */
export function diffVersions(playbookId: string, from: VersionRef, to: VersionRef): Promise<VersionDiff> {
  const diff = body(v1.playbooks[':id'].diff.$get({ param: { id: playbookId }, query: { from: String(from), to: String(to) } }));
  return diff as Promise<VersionDiff>;
}
