import { withCredentials } from './auth';

/** One server-sent event as the browser's EventSource would dispatch it. */
export interface StreamEvent {
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  /** Every event received so far (comment lines are not events). */
  events: StreamEvent[];
  /** Resolves with the next event named `name` after the ones already seen (or rejects after `timeoutMs`). */
  next(name: string, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens a server-sent events stream with fetch, as the reader page's EventSource does (the
 * server's remembered credentials unless `headers` bring their own), and parses its events.
 * A refused request resolves with its status and no events.
 */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: withCredentials(url, { accept: 'text/event-stream', ...headers }), signal: controller.signal });
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  let seen = 0;
  let done = false;
  const ended = (async () => {
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      done = true;
      return;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) events.push({ event, data: data.join('\n') });
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // Aborted by close().
    }
    done = true;
    for (const wake of [...waiters]) wake();
  })();
  return {
    status: res.status,
    events,
    ended,
    next(name, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no '${name}' event within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          while (seen < events.length) {
            const event = events[seen++] as StreamEvent;
            if (event.event === name) {
              clearTimeout(timer);
              waiters.delete(check);
              resolve(event);
              return;
            }
          }
          if (done) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`the stream ended before a '${name}' event`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
