import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retryDelay';

describe('retryDelayMs', () => {
  it('waits five times longer after each attempt', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 10_000, middle))).toEqual([10_000, 50_000, 250_000, 1_250_000]);
  });

  it('moves each retry by up to a quarter either way', () => {
    expect(retryDelayMs(1, 10_000, () => 0)).toBe(7_500);
    expect(retryDelayMs(1, 10_000, () => 0.999_999)).toBe(12_500);
    expect(retryDelayMs(2, 10_000, () => 0)).toBe(37_500);
  });

  it('spreads retries scheduled at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(1, 60_000)));
    expect(delays.size).toBeGreaterThan(40);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(45_000);
    for (const d of delays) expect(d).toBeLessThanOrEqual(75_000);
  });
});
