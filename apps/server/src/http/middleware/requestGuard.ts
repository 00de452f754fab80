import type { MiddlewareHandler } from 'hono';
import { ConfigError } from '../../config';
import { AppError } from '../../errors';

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface RequestGuardOptions {
  /** Host names requests may be addressed to. */
  allowedHosts: ReadonlySet<string>;
  /** The origin browsers show for this server when it is reached through a proxy (PUBLIC_URL); else http://<Host>. */
  publicOrigin: string | undefined;
}

/**
 * Two checks browsers make possible and nothing else does: a Host allowlist, so a web page
 * cannot reach the server through DNS rebinding; and for state-changing requests and WebSocket
 * upgrades, an Origin (when a browser sends one) equal in scheme, host and port to this server's,
 * so another site cannot publish, restore or edit on a visitor's behalf. Tools send no Origin.
 */
export function requestGuard({ allowedHosts, publicOrigin }: RequestGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!allowedHosts.has(hostname(host))) {
      throw new AppError('host-not-allowed', `This server does not answer for '${host}'. Set ALLOWED_HOSTS to serve it under that name.`);
    }
    const origin = c.req.header('origin');
    const changesState = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || c.req.header('upgrade')?.toLowerCase() === 'websocket';
    if (origin && changesState && !sameOrigin(origin, publicOrigin ?? `http://${host}`)) {
      throw new AppError('cross-site-request', `Requests from ${origin} may not change this server's playbooks.`);
    }
    await next();
  };
}

/**
 * The hosts to allow: ALLOWED_HOSTS if set, else PUBLIC_URL's host, else only loopback names, which
 * is all a server bound to loopback can be reached by. Bound to a network with neither, any Host
 * would pass (DNS rebinding), so that refuses to start.
 */
export function allowedHostsFor(bindHost: string, configured: string[] | undefined, publicUrl?: string): ReadonlySet<string> {
  if (configured && configured.length > 0) return new Set(configured.map((h) => h.toLowerCase()));
  if (publicUrl) return new Set([new URL(publicUrl).hostname.toLowerCase()]);
  if (loopbackNames.has(bindHost.toLowerCase())) return loopbackNames;
  throw new ConfigError(
    `HOST=${bindHost} serves a network, so set ALLOWED_HOSTS to the names people use to reach this server (e.g. ALLOWED_HOSTS=playbook.example.com).`,
  );
}

function hostname(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.split(':')[0] ?? '';
}

function sameOrigin(origin: string, expected: string): boolean {
  const actual = normalOrigin(origin);
  return actual !== undefined && actual === normalOrigin(expected);
}

/** scheme://host[:port] with default ports dropped, or undefined for anything unparsable (including "null"). */
export function normalOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
