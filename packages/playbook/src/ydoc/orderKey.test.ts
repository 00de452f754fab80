import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrderKey, keyBetween, keysBetween } from './orderKey';

describe('order keys', () => {
  it('finds a key strictly between any two keys', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 60 }), (choices) => {
        const keys: string[] = [];
        for (const choice of choices) {
          const at = choice % (keys.length + 1);
          const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
          expect(isOrderKey(key)).toBe(true);
          keys.splice(at, 0, key);
        }
        expect([...keys].sort()).toEqual(keys);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('keeps keys short when appending one item at a time', () => {
    let last: string | null = null;
    for (let i = 0; i < 500; i++) last = keyBetween(last, null);
    expect(last?.length).toBeLessThanOrEqual(10);
  });

  it('spreads bulk keys evenly and in order', () => {
    const keys = keysBetween(null, null, 500);
    expect(keys).toHaveLength(500);
    expect([...keys].sort()).toEqual(keys);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(3);
    const inner = keysBetween('a', 'b', 10);
    expect(inner.every((k) => k > 'a' && k < 'b')).toBe(true);
  });

  it('refuses bounds in the wrong order with a RangeError', () => {
    expect(() => keyBetween('b', 'a')).toThrow(RangeError);
    expect(() => keyBetween('a', 'a')).toThrow(RangeError);
  });

  it('rejects malformed keys a peer might have written', () => {
    expect(isOrderKey('a0')).toBe(false);
    expect(isOrderKey('')).toBe(false);
    expect(isOrderKey('a-b')).toBe(false);
    expect(isOrderKey(3)).toBe(false);
    expect(isOrderKey('a1')).toBe(true);
  });
});
