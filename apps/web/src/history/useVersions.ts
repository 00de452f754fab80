import { useCallback, useEffect, useRef, useState } from 'react';
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
  refresh: () => Promise<void>;
  loadOlder: () => Promise<void>;
}

/** The playbook's versions, newest first, kept fresh while the panel is open; older pages on request. */
export function useVersions(playbookId: string): VersionsState {
  const [items, setItems] = useState<VersionSummary[]>([]);
  const [status, setStatus] = useState<VersionsState['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  // How many versions are on screen: a refresh reloads that many, so older pages stay put.
  const shown = useRef(PAGE);
  // Answers can overtake each other; only the latest request may set the list.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      const page = await listVersions(playbookId, { limit: Math.min(200, Math.max(PAGE, shown.current)) });
      if (request !== latest.current) return;
      setItems(page.items);
      setNextBefore(page.nextBefore);
      setStatus('ready');
      setError(null);
    } catch (e) {
      if (request !== latest.current) return;
      setError(errorMessage(e));
      setStatus((s) => (s === 'loading' ? 'error' : s));
    }
  }, [playbookId]);

  const loadOlder = useCallback(async () => {
    if (nextBefore === null) return;
    setLoadingOlder(true);
    const request = ++latest.current;
    try {
      const page = await listVersions(playbookId, { before: nextBefore, limit: PAGE });
      if (request !== latest.current) return;
      setItems((current) => {
        const next = [...current, ...page.items.filter((v) => v.number < nextBefore)];
        shown.current = next.length;
        return next;
      });
      setNextBefore(page.nextBefore);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingOlder(false);
    }
  }, [playbookId, nextBefore]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { items, status, error, hasOlder: nextBefore !== null, loadingOlder, refresh, loadOlder };
}
