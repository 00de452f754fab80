import { describe, expect, it } from 'vitest';
import { clientKey, normalizeAddress } from './clientAddress';

describe('client addresses', () => {
  it('counts an IPv4 client per address, also when it arrives on a dual-stack socket', () => {
    expect(clientKey(normalizeAddress('::ffff:192.0.2.7'))).toBe('192.0.2.7');
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('counts an IPv6 client per /64, however its address is written', () => {
    const key = clientKey('2001:db8:0:1::5');
    expect(key).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:0DB8:0000:0001:ffff:1:2:3'.toLowerCase())).toBe(key);
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});
