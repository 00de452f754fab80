import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/request';
import { getSharing, type Sharing } from '../api/sharing';

export type PlaybookAccess = { status: 'loading' } | { status: 'missing' } | { status: 'ok'; sharing: Sharing };

/**
 * What this person may do on a playbook (GET …/access), asked before the live session opens so a
 * viewer's session is read-only from the start; `reload` asks again after the server said access changed.
 */
export function usePlaybookAccess(playbookId: string): [PlaybookAccess, () => void] {
  const [access, setAccess] = useState<PlaybookAccess>({ status: 'loading' });
  const [asked, setAsked] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `asked` re-runs the request on reload.
  useEffect(() => {
    let current = true;
    getSharing(playbookId).then(
      (sharing) => current && setAccess({ status: 'ok', sharing }),
      (error: unknown) => {
        if (current && error instanceof ApiError && (error.status === 404 || error.status === 403)) setAccess({ status: 'missing' });
      },
    );
    return () => {
      current = false;
    };
  }, [playbookId, asked]);
  const reload = useCallback(() => {
    // Nothing opens on the old answer meanwhile: an editable session would resend what was refused.
    setAccess({ status: 'loading' });
    setAsked((n) => n + 1);
  }, []);
  return [access, reload];
}
