import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../api/keys';

/**
 * After saving, publishing or restoring: the version list (and which one is published) and every
 * diff of this playbook may now read differently, so they are asked again where they are shown.
 */
export function versionsChanged(queryClient: QueryClient, playbookId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.versions(playbookId) }),
    queryClient.invalidateQueries({ queryKey: keys.diffs(playbookId) }),
  ]).then(() => undefined);
}
