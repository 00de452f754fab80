import { describe, expect, it } from 'vitest';
import { spliceBetween } from './textEdit';

describe('spliceBetween', () => {
  it('finds the one span a keystroke changed', () => {
    expect(spliceBetween('Awareness', 'Awarenesss')).toEqual({ index: 9, remove: 0, insert: 's' });
    expect(spliceBetween('Decision', 'Decisions made')).toEqual({ index: 8, remove: 0, insert: 's made' });
    expect(spliceBetween('Evaluate', 'Evalate')).toEqual({ index: 4, remove: 1, insert: '' });
    expect(spliceBetween('same', 'same')).toBeNull();
  });

  it('never splits an emoji in half', () => {
    const splice = spliceBetween('a😀b', 'a😃b');
    expect(splice).toEqual({ index: 1, remove: 2, insert: '😃' });
  });
});
