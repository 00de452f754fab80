/** The server's playbook summary, as GET /api/playbooks returns it. */
export interface PlaybookSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

interface Problem {
  title: string;
  detail: string;
}

/** An API error carrying the problem details' sentence, ready to show a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (!res.ok) {
    const problem = (await res.json().catch(() => undefined)) as Problem | undefined;
    throw new ApiError(res.status, problem?.detail ?? `The server answered ${res.status}.`);
  }
  return (await res.json()) as T;
}

export const listPlaybooks = () => request<{ items: PlaybookSummary[] }>('/api/playbooks').then((r) => r.items);

export const createPlaybook = (title: string) =>
  request<PlaybookSummary>('/api/playbooks', { method: 'POST', body: JSON.stringify({ title }) });
