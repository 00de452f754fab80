import { describe, expect, it } from 'vitest';
import { describeWhen } from './when';

const now = new Date('2026-11-23T15:00:00Z');
const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000).toISOString();

describe('describeWhen', () => {
  it('says how long ago in the largest unit that fits', () => {
    expect(describeWhen(at(10), now, 'en').relative).toBe('just now');
    expect(describeWhen(at(5 * 60), now, 'en').relative).toBe('5 minutes ago');
    expect(describeWhen(at(3 * 3600), now, 'en').relative).toBe('3 hours ago');
    expect(describeWhen(at(26 * 3600), now, 'en').relative).toBe('yesterday');
    expect(describeWhen(at(15 * 86400), now, 'en').relative).toBe('2 weeks ago');
    expect(describeWhen(at(400 * 86400), now, 'en').relative).toBe('last year');
  });

  it('treats a server clock slightly ahead as just now', () => {
    expect(describeWhen(new Date(now.getTime() + 20_000).toISOString(), now, 'en').relative).toBe('just now');
  });

  it('gives the absolute date and time in the reader’s locale and zone', () => {
    expect(describeWhen('2026-11-23T14:05:00Z', now, 'en-GB', 'UTC').absolute).toBe('23 Nov 2026, 14:05');
  });
});
