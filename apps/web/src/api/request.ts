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
 * Fetches from the API with the session cookie (same origin). A 401 tells the app the session
 * ended, so it asks to sign in again; any other failure becomes an ApiError with the server's words.
 * Reads always revalidate (someone else may have changed the data since): an unchanged answer costs a 304.
 */
export const apiFetch: typeof fetch = async (input, init = {}) => {
  const method = (init.method ?? 'GET').toUpperCase();
  const res = await fetch(input, { ...(method === 'GET' ? { cache: 'no-cache' } : {}), ...init });
  const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
  if (res.status === 401 && !new URL(path, window.location.origin).pathname.startsWith('/api/auth/')) noteSignedOut();
  if (!res.ok) {
    const problem = (await res.json().catch(() => undefined)) as Problem | undefined;
    throw new ApiError(res.status, problem?.detail ?? `The server answered ${res.status}.`, problem?.errors, problem?.title);
  }
  return res;
};

/** Calls an untyped API route (better-auth's sign-in and sign-out) and parses its JSON. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await apiFetch(path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
