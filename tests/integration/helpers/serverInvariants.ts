import * as Y from 'yjs';
import { CloseCode } from '../../../apps/server/src/errors';
import { requestOnFreshConnection } from './freshConnection';
import { closeProvider, openProvider, synced } from './providers';

/** Any running server a test can reach: in this process or a child. */
export interface ReachableServer {
  url: string;
  wsUrl: string;
  /** Whether the server process still runs (always true in this process). */
  alive(): boolean;
}

/** The only 5xx a client may see for bad input: storage failing, reported as such (the input was not the cause). */
export const storageUnavailableType = '/problems/storage-unavailable';

/**
 * Whether a response is one the server may give to any input: anything under 500 (a 4xx, a 429 from a
 * rate limit), or a 503 that says storage is failing. A 500, or a 5xx of another kind, is a defect.
 */
export function isAcceptableResponse(status: number, body: string): boolean {
  if (status < 500) return true;
  return status === 503 && problemType(body) === storageUnavailableType;
}

/** The problem `type` of a response body, if it is problem details. */
export function problemType(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Close codes a collaboration socket may get for bad input or load: every named one but "internal
 * error" and "could not load", plus the two a peer sees when a socket drops without a close frame.
 */
export const acceptableCloseCodes: ReadonlySet<number> = new Set([
  ...Object.values(CloseCode).filter((code) => code !== CloseCode.internalError && code !== CloseCode.loadFailed),
  1005,
  1006,
]);

/**
 * Checks what must hold after any input: the process is alive, `/api/health` answers, the
 * playbook reads through `GET /api/playbooks/:id`, and a fresh y-websocket client completes a sync
 * (which loads it from storage if it was unloaded). Returns what is wrong, empty when all holds,
 * so a fuzz case can report every broken invariant at once. Timeouts are generous: a loaded
 * machine is slow, not broken.
 */
export interface InvariantOptions {
  timeoutMs?: number;
  /** More to check in the playbook's JSON (what must still be there); returns what is wrong. */
  checkJson?: (playbook: Record<string, unknown>) => string | undefined;
  /** More to check in the freshly synced document; returns what is wrong. */
  checkDoc?: (doc: Y.Doc) => string | undefined;
}

export async function brokenInvariants(server: ReachableServer, playbookId: string, options: InvariantOptions = {}): Promise<string[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!server.alive()) return ['the server process exited'];
  const broken: string[] = [];
  const health = await read(`${server.url}/api/health`, timeoutMs);
  if (typeof health === 'string') broken.push(`/api/health did not answer: ${health}`);
  else if (!isAcceptableResponse(health.status, health.body))
    broken.push(`/api/health answered ${health.status}: ${health.body.slice(0, 300)}`);

  const playbook = await read(`${server.url}/api/playbooks/${encodeURIComponent(playbookId)}`, timeoutMs);
  if (typeof playbook === 'string') broken.push(`GET /api/playbooks/${playbookId} did not answer: ${playbook}`);
  else if (playbook.status !== 200 && !(playbook.status === 429 || isStorageUnavailable(playbook))) {
    broken.push(`GET /api/playbooks/${playbookId} answered ${playbook.status}: ${playbook.body.slice(0, 300)}`);
  } else if (playbook.status === 200 && options.checkJson) {
    const wrong = options.checkJson(JSON.parse(playbook.body) as Record<string, unknown>);
    if (wrong) broken.push(`GET /api/playbooks/${playbookId}: ${wrong}`);
  }

  const sync = await freshSync(server.wsUrl, playbookId, timeoutMs, options.checkDoc);
  if (sync) broken.push(sync);
  if (!server.alive()) broken.push('the server process exited');
  return broken;
}

/** Opens a new y-websocket client on the playbook and waits for its first sync; returns what went wrong, if anything. */
export async function freshSync(
  wsUrl: string,
  playbookId: string,
  timeoutMs = 30_000,
  checkDoc?: (doc: Y.Doc) => string | undefined,
): Promise<string | undefined> {
  const provider = openProvider(wsUrl, playbookId, new Y.Doc());
  const closes: string[] = [];
  provider.on('connection-close', (event: { code: number; reason: string } | null) => {
    if (event) closes.push(`${event.code} ${event.reason}`);
  });
  try {
    const didSync = await synced(provider, timeoutMs).then(
      () => true,
      () => false,
    );
    if (!didSync) {
      const closedWith = closes.length ? `; the server closed it with: ${[...new Set(closes)].join(' | ')}` : '';
      return `a fresh y-websocket client did not sync within ${timeoutMs} ms${closedWith}`;
    }
    const wrong = checkDoc?.(provider.doc);
    return wrong ? `a fresh y-websocket client synced, but ${wrong}` : undefined;
  } finally {
    closeProvider(provider);
  }
}

function isStorageUnavailable(response: { status: number; body: string }): boolean {
  return response.status === 503 && problemType(response.body) === storageUnavailableType;
}

/** A GET on a connection of its own: whether the server still reads must not depend on what a case left on a shared one. */
function read(url: string, timeoutMs: number): Promise<{ status: number; body: string } | string> {
  return requestOnFreshConnection(url, { timeoutMs });
}
