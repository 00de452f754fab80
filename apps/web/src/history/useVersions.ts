import { useInfiniteQuery } from '@tanstack/react-query';
import { keys } from '../api/keys';
import { errorMessage } from '../api/request';
import { listVersions, type VersionSummary } from '../api/versions';

const PAGE = 50;
/** Others save and publish too; a glance every few seconds keeps badges honest (an unchanged list costs a 304). */
const REFRESH_MS = 10_000;

export interface VersionsState {
  items: VersionSummary[];
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => Promise<void>;
}

/**
 * The playbook's versions, newest first, kept fresh while the panel is open and the tab visible;
 * older pages on request. A refresh refetches every page shown, each from the one before, so older
 * pages stay put and none is skipped when new versions arrive.
 */
export function useVersions(playbookId: string): VersionsState {
  const query = useInfiniteQuery({
    queryKey: keys.versions(playbookId),
    queryFn: ({ pageParam }) => listVersions(playbookId, { limit: PAGE, ...(pageParam === null ? {} : { before: pageParam }) }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
    refetchInterval: REFRESH_MS,
  });
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    status: query.isPending ? 'loading' : query.isError && !query.data ? 'error' : 'ready',
    error: query.error ? errorMessage(query.error) : null,
    hasOlder: query.hasNextPage,
    loadingOlder: query.isFetchingNextPage,
    loadOlder: async () => {
      await query.fetchNextPage();
    },
  };
}
