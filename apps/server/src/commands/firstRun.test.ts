import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirstRun } from './firstRun';

afterEach(() => vi.useRealTimers());

describe('the first-run setup link', () => {
  it('works once, and only for an hour', () => {
    vi.useFakeTimers();
    const firstRun = new FirstRun();
    const token = firstRun.issue();
    expect(firstRun.consume('not-the-token')).toBe(false);
    expect(firstRun.consume(token)).toBe(true);
    expect(firstRun.consume(token)).toBe(false);

    const later = firstRun.issue();
    vi.advanceTimersByTime(60 * 60_000 + 1);
    expect(firstRun.open).toBe(false);
    expect(firstRun.consume(later)).toBe(false);
  });
});
