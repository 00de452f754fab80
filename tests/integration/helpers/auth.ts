/**
 * Signing in for the tests: every server a test starts gets an owner (FULLCOURT_OWNER_EMAIL and
 * FULLCOURT_OWNER_PASSWORD), and the owner's session cookie is remembered per server origin so
 * that `api()`, `openProvider()` and `openRawSocket()` send it without each test saying so.
 */

export const owner = { email: 'owner@fullcourt.test', password: 'owner-password-1', name: 'Olive Owner' };

/** The settings that create the owner at boot. */
export const ownerEnv: Record<string, string> = {
  FULLCOURT_OWNER_EMAIL: owner.email,
  FULLCOURT_OWNER_PASSWORD: owner.password,
  FULLCOURT_OWNER_NAME: owner.name,
};

/** Headers that make a request anonymous (no remembered credentials are added). */
export const anonymous: Record<string, string> = { authorization: '' };

const remembered = new Map<string, Record<string, string>>();

const originOf = (url: string) => new URL(url.replace(/^ws/, 'http')).origin;

/** Remembers the credentials to send to a server by default. */
export function rememberCredentials(url: string, headers: Record<string, string>): void {
  remembered.set(originOf(url), headers);
}

export function forgetCredentials(url: string): void {
  remembered.delete(originOf(url));
}

/** The default credentials for a server, unless the caller's own headers carry some (or ask to be anonymous). */
export function withCredentials(url: string, headers: Record<string, string> = {}): Record<string, string> {
  const own = Object.keys(headers).some((h) => ['cookie', 'authorization'].includes(h.toLowerCase()));
  return own ? headers : { ...(remembered.get(originOf(url)) ?? {}), ...headers };
}

/** Signs in with email and password and returns the session cookie header value. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: originOf(base) },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`signing in ${email} answered ${res.status}: ${await res.text()}`);
  return cookieFrom(res);
}

/** The Cookie header value for the Set-Cookie headers of a response. */
export function cookieFrom(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Owner sessions per data directory: a restarted server on the same data keeps its sessions, so tests need not sign in again. */
const sessionsByDataDir = new Map<string, string>();

/** Signs the owner in (or reuses their session on this data directory) and remembers the cookie for that server; returns it. */
export async function signInOwner(base: string, dataDir?: string): Promise<string> {
  const known = dataDir ? sessionsByDataDir.get(dataDir) : undefined;
  const cookie = known && (await stillSignedIn(base, known)) ? known : await signIn(base, owner.email, owner.password);
  if (dataDir) sessionsByDataDir.set(dataDir, cookie);
  rememberCredentials(base, { cookie });
  return cookie;
}

async function stillSignedIn(base: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
  await res.body?.cancel();
  return res.ok;
}
