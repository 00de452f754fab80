import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/request';
import { diffVersions, type VersionDiff, type VersionRef } from '../api/versions';

/** A diff as it loads; `notPublished` when `from` was the published version and there is none yet. */
export type DiffState =
  | { status: 'loading' }
  | { status: 'ready'; diff: VersionDiff }
  | { status: 'not-published' }
  | { status: 'error'; message: string };

/**
 * The business diff between two states of the playbook, fetched again when either side changes.
 * `from: null` means "nothing is published", known beforehand; `undefined` waits for `from` to be known.
 */
export function useDiff(playbookId: string, from: VersionRef | null | undefined, to: VersionRef): DiffState {
  const [state, setState] = useState<DiffState>(from === null ? { status: 'not-published' } : { status: 'loading' });
  useEffect(() => {
    if (from === undefined) return;
    if (from === null) {
      setState({ status: 'not-published' });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    diffVersions(playbookId, from, to).then(
      (diff) => current && setState({ status: 'ready', diff }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 404 && error.title === 'Not published') setState({ status: 'not-published' });
        else setState({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [playbookId, from, to]);
  return state;
}
