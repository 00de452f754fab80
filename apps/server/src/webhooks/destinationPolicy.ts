import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { hostname as machineName, networkInterfaces } from 'node:os';
import ipaddr from 'ipaddr.js';

/** Why a destination is refused: the stable `reason` of a `webhook-url-refused` problem and of a refused delivery. */
export type RefusalReason =
  | 'this-server'
  | 'server-address'
  | 'loopback'
  | 'unspecified'
  | 'link-local'
  | 'private'
  | 'unique-local'
  | 'multicast'
  | 'special-purpose'
  | 'internal-name';

const reasonWords: Record<RefusalReason, string> = {
  'this-server': 'this Fullcourt server itself',
  'server-address': 'an address of the machine this server runs on',
  loopback: 'a loopback address (this machine)',
  unspecified: 'the unspecified address (0.0.0.0 or ::, which reaches this machine)',
  'link-local': 'a link-local address (169.254.0.0/16 or fe80::/10, where cloud metadata services answer)',
  private: 'a private network address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)',
  'unique-local': 'a unique-local IPv6 address (fc00::/7)',
  multicast: 'a multicast or broadcast address',
  'special-purpose': 'a special-purpose address that is not on the public internet',
  'internal-name': 'a name that only resolves inside a local network',
};

/** Ranges ipaddr.js names, mapped to the reason given to people; `unicast` (public) is the only range allowed. */
const rangeReasons: Record<string, RefusalReason> = {
  loopback: 'loopback',
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  private: 'private',
  uniqueLocal: 'unique-local',
  multicast: 'multicast',
  broadcast: 'multicast',
};

/** Suffixes reserved for local networks (RFC 6762 .local, ICANN's .internal, RFC 8375 .home.arpa). */
const localSuffixes = ['.local', '.internal', '.home.arpa'];

/** A webhook destination this server will not call, with a sentence saying why and what to do. */
export class DestinationRefused extends Error {
  override name = 'DestinationRefused';
  constructor(
    readonly reason: RefusalReason,
    readonly target: string,
    /** Whether the refusal is of the address a name resolved to (said as "resolves to"). */
    resolved = false,
  ) {
    const is = `${target} ${resolved ? 'resolves to' : 'is'} ${reasonWords[reason]}`;
    super(
      reason === 'this-server'
        ? `${is}; webhooks never call it (two webhooks that publish would call each other forever).`
        : `${is}. Webhooks only call public addresses; to reach a receiver inside your network, list it in WEBHOOK_ALLOWED_HOSTS.`,
    );
  }
}

export interface DestinationPolicyOptions {
  /** WEBHOOK_ALLOWED_HOSTS: host names, IP addresses and CIDR ranges that may be called although they are internal. */
  allowed: readonly string[];
  /** Names this server answers for (ALLOWED_HOSTS as configured): a URL naming one calls this server. */
  serverNames: readonly string[];
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Decides which webhook destinations may be called, so a webhook cannot make this server reach
 * itself or the network behind it. URLs are checked when registered and before each delivery;
 * names are checked again after DNS resolution, inside the HTTP agent's `lookup`, so the address
 * checked is the address connected to (a DNS answer that changes in between cannot slip past).
 */
export class DestinationPolicy {
  private readonly allowedNames = new Set<string>();
  private readonly allowedRanges: [Address, number][] = [];
  private readonly serverNames: Set<string>;
  private readonly serverPorts = new Set<number>();

  constructor(options: DestinationPolicyOptions) {
    for (const entry of options.allowed) {
      const bare = bareHost(entry);
      if (ipaddr.isValidCIDR(bare)) this.allowedRanges.push(ipaddr.parseCIDR(bare));
      else if (isIP(bare)) {
        const address = ipaddr.process(bare);
        this.allowedRanges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else this.allowedNames.add(bare);
    }
    this.serverNames = new Set([...options.serverNames.map(bareHost), bareHost(machineName())]);
  }

  /** Records the port this server listens on: its own addresses on that port are never called. */
  listeningOn(port: number): void {
    this.serverPorts.add(port);
  }

  /**
   * Why this URL may not receive webhooks, judged from the URL alone (no DNS), or undefined when
   * it may: what registration refuses, so a person hears why at once.
   */
  refusalOf(url: URL): DestinationRefused | undefined {
    return this.refusalBeforeConnect(url) ?? this.refusalOfName(url);
  }

  /**
   * What is refused before connecting: IP literals (node:net connects to them without a lookup)
   * and the names this server answers for. Any other name is judged by the addresses it resolves
   * to, in `lookupFor`.
   */
  refusalBeforeConnect(url: URL): DestinationRefused | undefined {
    const host = bareHost(url.hostname);
    if (this.serverNames.has(host)) return new DestinationRefused('this-server', url.host);
    // The URL parser has already turned decimal, hex and short forms (2130706433, 0x7f.1) into dotted quads.
    if (isIP(host)) return this.refusalOfAddress(host, host, portOf(url), url.host);
    return undefined;
  }

  /** Names that can only lead inside: loopback names, names without a domain, local-only suffixes. */
  private refusalOfName(url: URL): DestinationRefused | undefined {
    const host = bareHost(url.hostname);
    if (isIP(host)) return undefined;
    const loopbackName = host === 'localhost' || host.endsWith('.localhost');
    if (loopbackName && this.serverPorts.has(portOf(url))) return new DestinationRefused('this-server', url.host);
    if (this.allowedNames.has(host)) return undefined;
    if (loopbackName) return new DestinationRefused('loopback', url.host);
    // A name without a dot is completed by the resolver's search domains: an intranet host.
    if (!host.includes('.') || localSuffixes.some((suffix) => host.endsWith(suffix)))
      return new DestinationRefused('internal-name', url.host);
    return undefined;
  }

  /** Why `address` (what `host` resolved to) may not be called on `port`, or undefined when it may. */
  refusalOfAddress(host: string, address: string, port: number, target = host): DestinationRefused | undefined {
    // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it carries.
    const ip = ipaddr.process(address);
    const resolved = isIP(bareHost(host)) === 0;
    const own = this.isOwnAddress(ip);
    if (own && this.serverPorts.has(port)) return new DestinationRefused('this-server', target, resolved);
    if (this.allowedNames.has(bareHost(host)) || this.allowedRanges.some((range) => ip.kind() === range[0].kind() && ip.match(range))) {
      return undefined;
    }
    const range = ip.range();
    if (range !== 'unicast') return new DestinationRefused(rangeReasons[range] ?? 'special-purpose', target, resolved);
    if (own) return new DestinationRefused('server-address', target, resolved);
    return undefined;
  }

  /**
   * The `lookup` for the agent that sends to `url`: it resolves as usual, then refuses the
   * connection when any address is refused, so nothing is connected to and nothing is sent.
   */
  lookupFor(url: URL): LookupFunction {
    const port = portOf(url);
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '');
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        for (const { address } of addresses) {
          // The address itself is left out of the message: the delivery log must not map the network for whoever reads it.
          const refusal = this.refusalOfAddress(hostname, address, port, url.host);
          if (refusal) return callback(refusal, '');
        }
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      });
    };
  }

  private isOwnAddress(ip: Address): boolean {
    const range = ip.range();
    if (range === 'loopback' || range === 'unspecified') return true;
    const normalized = ip.toNormalizedString();
    for (const entries of Object.values(networkInterfaces())) {
      for (const entry of entries ?? []) {
        if (ipaddr.isValid(entry.address) && ipaddr.process(entry.address).toNormalizedString() === normalized) return true;
      }
    }
    return false;
  }
}

/** A host as compared: lower case, without IPv6 brackets or a zone, without the trailing dot of a fully qualified name. */
function bareHost(host: string): string {
  let bare = host.trim().toLowerCase();
  if (bare.startsWith('[') && bare.endsWith(']')) bare = bare.slice(1, -1);
  if (bare.endsWith('.')) bare = bare.slice(0, -1);
  return bare;
}

function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}
