import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('lets a full burst through, refuses the next, and refills at its rate', () => {
    const bucket = new TokenBucket(10, 5, 0);
    for (let i = 0; i < 10; i++) expect(bucket.take(1, 0)).toBe(true);
    expect(bucket.take(1, 0)).toBe(false);
    // 5 a second: after 200 ms there is one again, and never more than the capacity.
    expect(bucket.take(1, 199)).toBe(false);
    expect(bucket.take(1, 200)).toBe(true);
    expect(bucket.take(11, 1_000_000)).toBe(false);
    expect(bucket.take(10, 1_000_000)).toBe(true);
  });

  it('takes nothing when it refuses, so a large ask does not starve small ones', () => {
    const bucket = new TokenBucket(100, 10, 0);
    expect(bucket.take(150, 0)).toBe(false);
    expect(bucket.take(100, 0)).toBe(true);
    expect(bucket.refillSeconds).toBe(10);
  });
});
