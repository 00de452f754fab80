import { noteSignedOut } from '../account/accountStore';

interface Problem {
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** An API error carrying the problem details' sentence, ready to show a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: { field: string; message: string }[] = [],
    /** The problem's title ("Not published"), for telling expected answers apart from failures. */
    readonly title = '',
  ) {
    super(message);
  }
}

/** The sentence to show for any failure: the server's `detail`, or what went wrong on the way. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'The server could not be reached. Check the connection and try again.';
}

/**
 * Calls the API and parses its JSON. The session cookie goes along (same origin); a 401 tells the
 * app the session ended, so it asks to sign in again.
 */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (res.status === 401 && !path.startsWith('/api/auth/')) noteSignedOut();
  if (!res.ok) {
    const problem = (await res.json().catch(() => undefined)) as Problem | undefined;
    throw new ApiError(res.status, problem?.detail ?? `The server answered ${res.status}.`, problem?.errors, problem?.title);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
