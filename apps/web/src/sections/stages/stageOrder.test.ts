import { describe, expect, it } from 'vitest';
import { moveTarget, stageLabel } from './stageOrder';

describe('moveTarget', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('places a stage moved right after the one it was dropped on', () => {
    expect(moveTarget(ids, 'a', 'c')).toEqual({ after: 'c' });
  });
  it('places a stage moved left before the one it was dropped on', () => {
    expect(moveTarget(ids, 'd', 'b')).toEqual({ before: 'b' });
  });
  it('does nothing when dropped on itself or on something unknown', () => {
    expect(moveTarget(ids, 'b', 'b')).toBeNull();
    expect(moveTarget(ids, 'b', 'zz')).toBeNull();
  });
});

describe('stageLabel', () => {
  it('names unnamed stages by position', () => {
    expect(stageLabel(' Awareness ', 0)).toBe('Stage Awareness');
    expect(stageLabel('', 2)).toBe('Stage 3 (unnamed)');
  });
});
