import { useEffect, useState } from 'react';
import type { CollabSession } from './collabSession';

const GRACE_MS = 2_500;

/**
 * Whether the playbook exists. The collaboration endpoint refuses unknown playbooks before the
 * socket opens, which a WebSocket cannot tell apart from a network error, so when the first sync
 * is slow the API is asked. A sync proves the playbook exists; an offline device keeps its copy.
 */
export function usePlaybookExists(session: CollabSession): boolean {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let synced = false;
    void session.firstSync.then(() => {
      synced = true;
    });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      if (synced) return;
      fetch(`/api/playbooks/${encodeURIComponent(session.playbookId)}`, { method: 'HEAD', signal: controller.signal }).then(
        (res) => setMissing(res.status === 404),
        () => {},
      );
    }, GRACE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [session]);
  return !missing;
}
