import { useQuery } from '@tanstack/react-query';
import { keys } from '../api/keys';
import { listVersions, type VersionRef } from '../api/versions';

/**
 * Which version is published right now, asked afresh (someone may have published a moment ago):
 * its number, or null when none is; undefined while asking ('published' lets the diff endpoint
 * resolve it if the list could not be read).
 *
 * Asking the list first spares a diff request that can only answer 404 before the first
 * publication (which the browser would log as an error).
 */
export function usePublishedVersion(playbookId: string): VersionRef | null | undefined {
  const query = useQuery({
    queryKey: keys.published(playbookId),
    queryFn: () => listVersions(playbookId, { limit: 1 }),
    refetchOnMount: 'always',
    retry: false,
  });
  // A cached answer may be old: only one fetched since this dialog opened counts.
  if (query.isError) return 'published';
  if (!query.isFetchedAfterMount || query.isFetching) return undefined;
  return query.data?.published?.number ?? null;
}
