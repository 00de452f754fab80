import { Hono } from 'hono';
import { recordAudit } from '../../../commands/auditLog';
import type { Services } from '../../../commands/services';
import { AppError, rateLimited } from '../../../errors';
import { anonymousActor } from '../../../identity/actor';
import type { AppEnv } from '../../env';
import { peerAddress } from '../../middleware/authenticate';

/**
 * The better-auth endpoints Fullcourt uses; the library's others (sign-up, password reset by email,
 * get-session, whose body carries the session token that the HttpOnly cookie keeps from scripts)
 * are not served: GET /api/v1/me says who is signed in.
 */
const served = new Set(['POST /api/auth/sign-in/email', 'POST /api/auth/sign-out']);

/**
 * `/api/auth/*`: better-auth's sign-in and sign-out. Sign-in is limited per
 * account and per address (429 with Retry-After), and every attempt is audited; failed ones
 * are logged with the email and address, never the password.
 */
export function authRoutes(services: Services) {
  return new Hono<AppEnv>().on(['GET', 'POST'], '/api/auth/*', async (c) => {
    const route = `${c.req.method} ${c.req.path}`;
    if (!served.has(route)) throw new AppError('not-found', `${route} is not served. Sign in with POST /api/auth/sign-in/email.`);
    if (route === 'POST /api/auth/sign-in/email') return signIn(services, c.req.raw, peerAddress(c));
    const response = await services.identity.auth.handler(c.req.raw);
    if (route === 'POST /api/auth/sign-out' && response.ok && c.var.actor.kind === 'user') {
      await recordAudit(services, c.var.actor, 'auth.signed_out', { kind: 'user', id: c.var.actor.id });
      services.accessChanged();
    }
    return response;
  });
}

async function signIn(services: Services, request: Request, address: string): Promise<Response> {
  const body = (await request
    .clone()
    .json()
    .catch(() => ({}))) as { email?: unknown };
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  const wait = await services.signIns.retryAfter(email, address);
  if (wait > 0) {
    services.log.warn({ email, address }, 'sign-in refused: too many failed attempts');
    throw rateLimited('failed sign-in attempts', wait);
  }
  const response = await services.identity.auth.handler(request);
  if (response.ok) {
    await services.signIns.succeeded(email);
    const { user } = (await response.json()) as { user: { id: string; name: string; email: string } };
    await recordAudit(services, { ...anonymousActor, kind: 'user', id: user.id, name: user.name, address }, 'auth.signed_in', {
      kind: 'user',
      id: user.id,
    });
    // The session token lives in the HttpOnly cookie only: leave it out of the body scripts can read.
    const headers = new Headers({ 'Content-Type': 'application/json' });
    for (const cookie of response.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
    return new Response(JSON.stringify({ user: { id: user.id, name: user.name, email: user.email } }), { status: 200, headers });
  }
  await services.signIns.failed(email, address);
  services.log.warn({ email, address, status: response.status }, 'failed sign-in');
  await recordAudit(services, { ...anonymousActor, address }, 'auth.sign_in_failed', null, { email });
  if (response.status === 401) throw new AppError('invalid-credentials', 'The email or password is wrong.');
  const problem = (await response.json().catch(() => ({}))) as { message?: string };
  if (response.status === 403) throw new AppError('forbidden', problem.message ?? 'This account may not sign in.');
  throw new AppError('invalid-request', problem.message ?? 'Sign in with {"email", "password"}.');
}
