import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors';

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface RequestGuardOptions {
  /** Host names requests may be addressed to; undefined allows any. */
  allowedHosts: ReadonlySet<string> | undefined;
}

/**
 * Two checks browsers make possible and nothing else does: a Host allowlist, so a web page
 * cannot reach a server bound to localhost through DNS rebinding; and for state-changing
 * requests and WebSocket upgrades, an Origin (when a browser sends one) that matches the Host,
 * so another site cannot publish, restore or edit on a visitor's behalf. Tools send no Origin.
 */
export function requestGuard({ allowedHosts }: RequestGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (allowedHosts && !allowedHosts.has(hostname(host))) {
      throw new AppError('host-not-allowed', `This server does not answer for '${host}'. Set ALLOWED_HOSTS to serve it under that name.`);
    }
    const origin = c.req.header('origin');
    const changesState = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || c.req.header('upgrade')?.toLowerCase() === 'websocket';
    if (origin && changesState && originHost(origin) !== host.toLowerCase()) {
      throw new AppError('cross-site-request', `Requests from ${origin} may not change this server's playbooks.`);
    }
    await next();
  };
}

/** The hosts to allow: ALLOWED_HOSTS if set; only loopback names when bound to loopback; else any. */
export function allowedHostsFor(bindHost: string, configured: string[] | undefined): ReadonlySet<string> | undefined {
  if (configured && configured.length > 0) return new Set(configured.map((h) => h.toLowerCase()));
  return loopbackNames.has(bindHost) ? loopbackNames : undefined;
}

function hostname(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.split(':')[0] ?? '';
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}
