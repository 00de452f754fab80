import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Throttle', () => {
  it('runs at once when calls are spaced, and arms no timer', () => {
    const runs: number[] = [];
    const throttle = new Throttle<number>(100, (v) => runs.push(v));
    throttle.offer(1, performance.now());
    vi.advanceTimersByTime(150);
    throttle.offer(2, performance.now());
    expect(runs).toEqual([1, 2]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs a burst once now and once, merged, when the interval ends', () => {
    const runs: number[][] = [];
    const throttle = new Throttle<number[]>(
      100,
      (v) => runs.push(v),
      (kept, newer) => [...kept, ...newer],
    );
    for (let i = 0; i < 50; i++) throttle.offer([i], performance.now());
    expect(runs).toEqual([[0]]);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(100);
    expect(runs.length).toBe(2);
    expect(runs[1]).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
  });

  it('forgets what it kept once disposed', () => {
    const runs: number[] = [];
    const throttle = new Throttle<number>(100, (v) => runs.push(v));
    throttle.offer(1, performance.now());
    throttle.offer(2, performance.now());
    throttle.dispose();
    vi.advanceTimersByTime(1_000);
    expect(runs).toEqual([1]);
  });
});
