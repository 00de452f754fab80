import { useQuery } from '@tanstack/react-query';
import { keys } from '../api/keys';
import { ApiError, errorMessage } from '../api/request';
import { diffVersions, type VersionDiff, type VersionRef } from '../api/versions';

/** A diff as it loads; `notPublished` when `from` was the published version and there is none yet. */
export type DiffState =
  | { status: 'loading' }
  | { status: 'ready'; diff: VersionDiff }
  | { status: 'not-published' }
  | { status: 'error'; message: string };

const isNotPublished = (error: unknown) => error instanceof ApiError && error.status === 404 && error.title === 'Not published';

/**
 * The business diff between two states of the playbook, fetched again when either side changes.
 * `from: null` means "nothing is published", known beforehand; `undefined` waits for `from` to be known.
 */
export function useDiff(playbookId: string, from: VersionRef | null | undefined, to: VersionRef): DiffState {
  const known = from !== null && from !== undefined;
  const query = useQuery({
    queryKey: keys.diff(playbookId, known ? from : 'live', to),
    queryFn: () => diffVersions(playbookId, known ? from : 'live', to),
    enabled: known,
  });
  if (from === null) return { status: 'not-published' };
  if (query.data) return { status: 'ready', diff: query.data };
  if (query.isError)
    return isNotPublished(query.error) ? { status: 'not-published' } : { status: 'error', message: errorMessage(query.error) };
  return { status: 'loading' };
}
