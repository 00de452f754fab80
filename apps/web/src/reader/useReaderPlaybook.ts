import type { Playbook } from '@fullcourt/playbook';
import { createContext, useContext, useEffect, useState } from 'react';

/** What the reader shows and how fresh it is. */
export interface ReaderData {
  playbook: Playbook | null;
  /** live: refreshed moments ago; stale: the last copy, the server is out of reach; missing: no such playbook. */
  status: 'loading' | 'live' | 'stale' | 'missing';
}

const REFRESH_MS = 2_000;

/**
 * The live playbook as canonical JSON from the server, refreshed every couple of seconds while
 * the page is visible. Readers never write, so they skip the collaboration machinery (Yjs, the
 * editor schema) entirely; an unchanged playbook costs a 304 thanks to the server's ETags.
 */
export function useReaderPlaybook(playbookId: string): ReaderData {
  const [data, setData] = useState<ReaderData>({ playbook: null, status: 'loading' });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const controller = new AbortController();

    async function refresh() {
      clearTimeout(timer);
      try {
        // no-cache revalidates with If-None-Match: the browser turns a 304 into the cached body.
        const res = await fetch(`/api/playbooks/${encodeURIComponent(playbookId)}?version=live`, {
          cache: 'no-cache',
          signal: controller.signal,
        });
        if (res.status === 404) {
          setData({ playbook: null, status: 'missing' });
          return;
        }
        if (!res.ok) throw new Error(`status ${res.status}`);
        const text = await res.text();
        if (text !== last) {
          last = text;
          setData({ playbook: JSON.parse(text) as Playbook, status: 'live' });
        } else setData((d) => (d.status === 'live' ? d : { ...d, status: 'live' }));
      } catch {
        if (stopped) return;
        setData((d) => ({ ...d, status: d.playbook ? 'stale' : 'loading' }));
      }
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(refresh, REFRESH_MS);
    }

    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onVisible);
    void refresh();
    return () => {
      stopped = true;
      controller.abort();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onVisible);
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
