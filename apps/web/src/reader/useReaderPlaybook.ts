import type { Playbook } from '@fullcourt/playbook';
import { createContext, useContext, useEffect, useState } from 'react';

/** What the reader shows and how fresh it is. */
export interface ReaderData {
  playbook: Playbook | null;
  /** live: following the server's changes; stale: the last copy, the server is out of reach; missing: no such playbook. */
  status: 'loading' | 'live' | 'stale' | 'missing';
}

/** After a refusal that is not "not found" (signed out, say), how long before trying again. */
const RETRY_REFUSED_MS = 10_000;

/**
 * The live playbook as canonical JSON, pushed by the server after each change (server-sent
 * events from /api/playbooks/:id/events) while the page is visible. Readers never write, so they
 * skip the collaboration machinery (Yjs, the editor schema) entirely, and the server builds the
 * JSON once per change for all of them instead of once per reader per poll. A hidden page lets
 * its stream go (browsers allow few open requests per server over HTTP/1.1) and catches up when
 * it is shown again.
 */
export function useReaderPlaybook(playbookId: string): ReaderData {
  const [data, setData] = useState<ReaderData>({ playbook: null, status: 'loading' });

  useEffect(() => {
    let stopped = false;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const path = `/api/playbooks/${encodeURIComponent(playbookId)}`;

    function connect() {
      clearTimeout(retry);
      source?.close();
      const stream = new EventSource(`${path}/events`);
      source = stream;
      stream.addEventListener('playbook', (event) => {
        const text = (event as MessageEvent<string>).data;
        if (text !== last) {
          last = text;
          setData({ playbook: JSON.parse(text) as Playbook, status: 'live' });
        } else setData((d) => (d.status === 'live' ? d : { ...d, status: 'live' }));
      });
      // Access ended while reading: the browser would reconnect on its own, so stop it and find out why.
      stream.addEventListener('denied', () => {
        stream.close();
        void refused();
      });
      stream.onerror = () => {
        if (stopped || source !== stream) return;
        setData((d) => ({ ...d, status: d.playbook ? 'stale' : 'loading' }));
        // A dropped stream the browser retries by itself; one the server refused (not 200) it gives up on.
        if (stream.readyState === EventSource.CLOSED) void refused();
      };
    }

    /** Why the stream was refused: a playbook that is gone reads "not found"; otherwise keep the last copy and try again later. */
    async function refused() {
      let missing = false;
      try {
        missing = (await fetch(`${path}?version=live`, { cache: 'no-store' })).status === 404;
      } catch {
        // Out of reach: the copy on screen is stale, which the error handler already said.
      }
      if (stopped) return;
      if (missing) {
        setData({ playbook: null, status: 'missing' });
        return;
      }
      setData((d) => ({ ...d, status: d.playbook ? 'stale' : 'loading' }));
      retry = setTimeout(connect, RETRY_REFUSED_MS);
    }

    const onVisibility = () => {
      if (document.visibilityState === 'visible') connect();
      else {
        clearTimeout(retry);
        source?.close();
        source = undefined;
      }
    };
    // Back online: reconnect now rather than at the browser's next retry.
    const onOnline = () => {
      if (document.visibilityState === 'visible') connect();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
    };
  }, [playbookId]);

  return data;
}

/** The playbook being read, for the parts of the reader below the page. */
export const ReaderContext = createContext<Playbook | null>(null);

export function useReadPlaybook(): Playbook {
  const playbook = useContext(ReaderContext);
  if (!playbook) throw new Error('useReadPlaybook is used outside the reader');
  return playbook;
}
