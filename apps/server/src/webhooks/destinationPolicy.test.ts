import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { DestinationPolicy, DestinationRefused } from './destinationPolicy';

const policy = (allowed: string[] = [], serverNames: string[] = [], port = 3000) => {
  const p = new DestinationPolicy({ allowed, serverNames });
  p.listeningOn(port);
  return p;
};

const reasonOf = (p: DestinationPolicy, url: string) => p.refusalOf(new URL(url))?.reason;

/** Runs the agent's lookup for `url` as node:net does (with `all` when it tries every family). */
function lookUp(p: DestinationPolicy, url: string, all: boolean): Promise<{ error: Error | null; result: string | LookupAddress[] }> {
  const target = new URL(url);
  return new Promise((resolve) => p.lookupFor(target)(target.hostname, { all }, (error, result) => resolve({ error, result })));
}

describe('DestinationPolicy', () => {
  it('accepts public addresses and names', () => {
    const p = policy();
    for (const url of [
      'https://crm.example.com/hook',
      'http://8.8.8.8/hook',
      'https://[2606:4700::1111]/hook',
      'https://example.com.:8443/',
    ])
      expect(reasonOf(p, url), url).toBeUndefined();
  });

  it('refuses addresses that embed an internal IPv4 address in IPv6', () => {
    const p = policy();
    expect(reasonOf(p, 'http://[::ffff:10.1.2.3]/')).toBe('private');
    expect(reasonOf(p, 'http://[::ffff:169.254.169.254]/')).toBe('link-local');
    expect(reasonOf(p, 'http://[64:ff9b::7f00:1]/')).toBe('special-purpose'); // NAT64
    expect(reasonOf(p, 'http://[2002:7f00:1::]/')).toBe('special-purpose'); // 6to4
    expect(reasonOf(p, 'http://255.255.255.255/')).toBe('multicast');
  });

  it('allows internal names, addresses and ranges listed in WEBHOOK_ALLOWED_HOSTS, and nothing else', () => {
    const p = policy(['crm.internal', '10.0.0.0/8', 'fd00::/8', '192.168.1.20']);
    expect(reasonOf(p, 'http://crm.internal/hook')).toBeUndefined();
    expect(reasonOf(p, 'http://10.20.30.40/hook')).toBeUndefined();
    expect(reasonOf(p, 'http://[fd00::5]/hook')).toBeUndefined();
    expect(reasonOf(p, 'http://192.168.1.20/hook')).toBeUndefined();
    expect(reasonOf(p, 'http://192.168.1.21/hook')).toBe('private');
    expect(reasonOf(p, 'http://other.internal/hook')).toBe('internal-name');
    expect(reasonOf(p, 'http://[fc00::5]/hook')).toBe('unique-local');
    // An allowed name may resolve inside the network: its administrator vouched for it.
    expect(p.refusalOfAddress('crm.internal', '172.16.0.9', 80)).toBeUndefined();
    expect(p.refusalOfAddress('crm.example.com', '172.16.0.9', 80)?.reason).toBe('private');
  });

  it('never calls this server: its own port on its own addresses, and the names it answers for, whatever is allowed', () => {
    const p = policy(['127.0.0.1', 'localhost', 'fullcourt.example.com'], ['fullcourt.example.com'], 3000);
    expect(reasonOf(p, 'http://127.0.0.1:3000/api/v1/playbooks/x/versions/1/publish')).toBe('this-server');
    expect(reasonOf(p, 'http://localhost:3000/')).toBe('this-server');
    expect(reasonOf(p, 'http://[::ffff:127.0.0.1]:3000/')).toBe('this-server');
    expect(reasonOf(p, 'http://0.0.0.0:3000/')).toBe('this-server');
    expect(reasonOf(p, 'https://fullcourt.example.com/api/v1/playbooks')).toBe('this-server');
    expect(reasonOf(p, 'https://FULLCOURT.example.com./')).toBe('this-server');
    // Another port on loopback is another program, allowed here.
    expect(reasonOf(p, 'http://127.0.0.1:8080/hook')).toBeUndefined();
    expect(p.refusalOfAddress('any.example.com', '127.0.0.1', 3000)?.reason).toBe('this-server');
  });

  it('says why, and how to allow an internal receiver', () => {
    const refusal = policy().refusalOf(new URL('http://169.254.169.254/latest/meta-data/'));
    expect(refusal).toBeInstanceOf(DestinationRefused);
    expect(refusal?.message).toBe(
      '169.254.169.254 is a link-local address (169.254.0.0/16 or fe80::/10, where cloud metadata services answer). Webhooks only call public addresses; to reach a receiver inside your network, list it in WEBHOOK_ALLOWED_HOSTS.',
    );
    expect(policy().refusalOfAddress('crm.example.com', '10.0.0.1', 443, 'crm.example.com')?.message).toMatch(
      /^crm\.example\.com resolves to a private network address/,
    );
  });

  it("refuses in the agent's lookup a name that resolves to loopback, before any connection", async () => {
    for (const all of [true, false]) {
      const { error } = await lookUp(policy(), 'http://localhost:9/hook', all);
      expect(error).toBeInstanceOf(DestinationRefused);
      expect((error as DestinationRefused).reason).toBe('loopback');
    }
  });

  it("answers the agent's lookup as dns.lookup does when every address may be called", async () => {
    const p = policy(['localhost']);
    const many = await lookUp(p, 'http://localhost:9/hook', true);
    expect(many.error).toBeNull();
    expect(Array.isArray(many.result) && many.result.length > 0).toBe(true);
    const one = await lookUp(p, 'http://localhost:9/hook', false);
    expect(one.error).toBeNull();
    expect(typeof one.result).toBe('string');
  });
});
