import type { Change, Playbook } from '@fullcourt/playbook';
import { request } from './request';

/** A saved state of a playbook, as the version list shows it. */
export interface VersionSummary {
  number: number;
  /** Named versions are saved by people; checkpoints by the server when editing goes quiet, or before a restore. */
  kind: 'named' | 'checkpoint';
  label: string;
  note: string;
  author: string;
  createdAt: string;
  published: boolean;
  stateBytes: number;
}

/** One side of a comparison: a version number, the published version, or the live document. */
export type VersionRef = number | 'live' | 'published';

export interface VersionDiff {
  from: { number: number | null; label: string };
  to: { number: number | null; label: string };
  changes: Change[];
}

const base = (playbookId: string) => `/api/v1/playbooks/${encodeURIComponent(playbookId)}`;

/** Which version is published, by whom and when; null before the first publication. */
export interface Publication {
  number: number;
  publishedAt: string;
  publishedBy: string;
}

export function listVersions(
  playbookId: string,
  options: { before?: number; limit?: number } = {},
): Promise<{ items: VersionSummary[]; nextBefore: number | null; published: Publication | null }> {
  const query = new URLSearchParams({ kind: 'all', limit: String(options.limit ?? 50) });
  if (options.before !== undefined) query.set('before', String(options.before));
  // Revalidate every time: someone else may have saved or published since.
  return request(`${base(playbookId)}/versions?${query}`, { cache: 'no-cache' });
}

export function saveVersion(playbookId: string, input: { label: string; note: string; stateVector?: string }): Promise<VersionSummary> {
  return request(`${base(playbookId)}/versions`, { method: 'POST', body: JSON.stringify(input) });
}

export function readVersion(playbookId: string, number: number): Promise<VersionSummary & { playbook: Playbook }> {
  return request(`${base(playbookId)}/versions/${number}`);
}

export function publishVersion(
  playbookId: string,
  number: number,
): Promise<{ published: VersionSummary; previous: VersionSummary | null }> {
  return request(`${base(playbookId)}/versions/${number}/publish`, { method: 'POST' });
}

export function restoreVersion(playbookId: string, number: number): Promise<{ restored: VersionSummary; before: VersionSummary }> {
  return request(`${base(playbookId)}/versions/${number}/restore`, { method: 'POST' });
}

/** The business diff from one state to another; `from: 'published'` fails with title "Not published" before the first publication. */
export function diffVersions(playbookId: string, from: VersionRef, to: VersionRef): Promise<VersionDiff> {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  return request(`${base(playbookId)}/diff?${query}`, { cache: 'no-cache' });
}
