import { useEffect, useState } from 'react';
import { ApiError, getPlaybook, type PlaybookSummary } from '../api/playbooks';

/** The server's record of the playbook: its stored title, or `missing` when there is no such playbook. */
export function usePlaybookSummary(playbookId: string): PlaybookSummary | 'missing' | undefined {
  const [summary, setSummary] = useState<PlaybookSummary | 'missing' | undefined>();
  useEffect(() => {
    let live = true;
    getPlaybook(playbookId).then(
      (s) => live && setSummary(s),
      (e: unknown) => {
        // Offline or a server hiccup is not "missing": the copy on this device still opens.
        if (live && e instanceof ApiError && e.status === 404) setSummary('missing');
      },
    );
    return () => {
      live = false;
    };
  }, [playbookId]);
  return summary;
}
