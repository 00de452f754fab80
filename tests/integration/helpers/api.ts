import { withCredentials } from './auth';

/**
 * Small fetch wrappers for the tests: JSON in, JSON (or problem details) out. Requests carry the
 * server's remembered credentials (the owner's session) unless `headers` bring their own
 * (`cookie`, `authorization`, or `anonymous` from ./auth).
 */
export async function api<T = unknown>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: withCredentials(base, {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      // better-auth checks the Origin of its own POSTs, as a browser would send it.
      ...(path.startsWith('/api/auth/') ? { origin: new URL(base).origin } : {}),
      ...headers,
    }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : (undefined as T);
  return { status: res.status, headers: res.headers, json, text };
}

/** fetch with the server's remembered credentials, for tests that read raw responses. */
export function authedFetch(url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(url, { ...init, headers: withCredentials(url, init.headers ?? {}) });
}

/** Creates a playbook through the API (from the starter template unless told otherwise) and returns its id. */
export async function createPlaybook(
  base: string,
  title = 'Revenue playbook',
  template: 'starter' | 'empty' = 'starter',
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await api<{ id: string }>(base, 'POST', '/api/v1/playbooks', { title, template }, headers);
  if (res.status !== 201) throw new Error(`creating a playbook answered ${res.status}: ${res.text}`);
  return res.json.id;
}
