import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { keys } from '../api/keys';
import { ApiError } from '../api/request';
import { getSharing, type Sharing } from '../api/sharing';

export type PlaybookAccess = { status: 'loading' } | { status: 'missing' } | { status: 'ok'; sharing: Sharing };

/**
 * A read-only session asks again this often (and when the tab regains focus): a viewer promoted
 * to editor is let in by the server at once, and the page follows within this time.
 */
export const READ_ONLY_RECHECK_MS = 15_000;

const isMissing = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 403);

/**
 * What this person may do on a playbook (GET …/access), asked before the live session opens so a
 * viewer's session is read-only from the start; `reload` asks again after the server said access changed.
 */
export function usePlaybookAccess(playbookId: string): [PlaybookAccess, () => void] {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: keys.sharing(playbookId),
    queryFn: () => getSharing(playbookId),
    refetchInterval: (q) => (q.state.data && !q.state.data.youCan.edit ? READ_ONLY_RECHECK_MS : false),
    refetchOnWindowFocus: true,
  });
  const reload = useCallback(() => {
    // Nothing opens on the old answer meanwhile: an editable session would resend what was refused.
    void queryClient.resetQueries({ queryKey: keys.sharing(playbookId), exact: true });
  }, [queryClient, playbookId]);
  if (query.data) return [{ status: 'ok', sharing: query.data }, reload];
  if (isMissing(query.error)) return [{ status: 'missing' }, reload];
  return [{ status: 'loading' }, reload];
}
