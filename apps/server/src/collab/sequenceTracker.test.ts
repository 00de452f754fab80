import { describe, expect, it } from 'vitest';
import { SequenceTracker } from './sequenceTracker';

describe('SequenceTracker', () => {
  it('advances the contiguous number only when the rows before are in', () => {
    const tracker = new SequenceTracker(3);
    tracker.mark(6, 7);
    expect(tracker.contiguous).toBe(3);
    expect(tracker.hasGap).toBe(true);
    expect(tracker.covers(7)).toBe(false);
    tracker.mark(4);
    expect(tracker.contiguous).toBe(4);
    tracker.mark(5);
    expect(tracker.contiguous).toBe(7);
    expect(tracker.hasGap).toBe(false);
    expect(tracker.covers(7)).toBe(true);
  });

  it('takes a snapshot as covering every row it folds', () => {
    const tracker = new SequenceTracker(0);
    tracker.mark(5);
    tracker.mark(9);
    tracker.coverUpTo(6);
    expect(tracker.contiguous).toBe(6);
    expect(tracker.has(9)).toBe(true);
    expect(tracker.highest).toBe(9);
    tracker.mark(7, 8);
    expect(tracker.contiguous).toBe(9);
  });

  it('ignores rows it already has', () => {
    const tracker = new SequenceTracker(5);
    tracker.mark(2, 5);
    expect(tracker.contiguous).toBe(5);
    expect(tracker.hasGap).toBe(false);
  });
});
