import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { anonymousActor } from '../../identity/actor';
import type { Identity } from '../../identity/identity';
import type { AppEnv } from '../env';

/** The peer address of a request, for sign-in limits and the audit log. */
export function peerAddress(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Sets `c.var.actor` from the session cookie or the `Authorization: Bearer` token (anonymous
 * without either). It only says who is asking; what they may do is decided in the commands.
 */
export function authenticate(identity: Identity): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = await identity.resolve(c.req.raw.headers);
    c.set('actor', { ...actor, address: peerAddress(c) });
    await next();
  };
}

/** For everything that is not the API or the socket (the web app's files): nobody in particular. */
export const noActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('actor', anonymousActor);
  await next();
};
