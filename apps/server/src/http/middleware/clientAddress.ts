import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

export interface ClientAddressOptions {
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); empty trusts none. */
  trustedProxies: ReadonlySet<string>;
}

/**
 * Sets `clientAddress`, the key every per-client limit counts by: the socket's peer address.
 * X-Forwarded-For is anyone's to write, so it is read only when the peer is a trusted proxy,
 * and then the nearest address in it that is not one of those proxies is the client.
 */
export function clientAddress({ trustedProxies }: ClientAddressOptions): MiddlewareHandler<AppEnv> {
  const trusted = new Set([...trustedProxies].map(normalizeAddress));
  return async (c, next) => {
    let address = 'unknown';
    try {
      address = normalizeAddress(getConnInfo(c).remote.address ?? 'unknown');
    } catch {
      // No Node socket behind this request (app.request in a test): all such requests share one key.
    }
    if (trusted.has(address)) {
      const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => normalizeAddress(hop.trim()));
      for (let i = hops.length - 1; i >= 0; i--) {
        const hop = hops[i];
        if (!hop) continue;
        address = hop;
        if (!trusted.has(hop)) break;
      }
    }
    c.set('clientAddress', clientKey(address));
    await next();
  };
}

/** `::ffff:10.0.0.1` is the IPv4 client 10.0.0.1 on a dual-stack socket; addresses compare in lower case. */
export function normalizeAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

/**
 * The key limits count an address under. An IPv6 host usually holds a whole /64 and can pick
 * any address in it, so IPv6 clients are counted per /64; IPv4 clients per address.
 */
export function clientKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
