/** Small fetch wrappers for the tests: JSON in, JSON (or problem details) out. */
export async function api<T = unknown>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : (undefined as T);
  return { status: res.status, headers: res.headers, json, text };
}

/** Creates a playbook through the API (from the starter template unless told otherwise) and returns its id. */
export async function createPlaybook(base: string, title = 'Revenue playbook', template: 'starter' | 'empty' = 'starter'): Promise<string> {
  const res = await api<{ id: string }>(base, 'POST', '/api/v1/playbooks', { title, template });
  if (res.status !== 201) throw new Error(`creating a playbook answered ${res.status}: ${res.text}`);
  return res.json.id;
}
