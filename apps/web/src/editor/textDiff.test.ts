import { describe, expect, it } from 'vitest';
import { shiftOffset } from './textDiff';

describe('shiftOffset', () => {
  it('moves the caret by text a peer inserted before it', () => {
    expect(shiftOffset(5, [{ insert: 'abc' }])).toBe(8);
    expect(shiftOffset(5, [{ retain: 2 }, { insert: 'xy' }])).toBe(7);
  });

  it('leaves the caret alone for changes after it, including inserts right at it', () => {
    expect(shiftOffset(5, [{ retain: 5 }, { insert: 'x' }])).toBe(5);
    expect(shiftOffset(5, [{ retain: 7 }, { delete: 2 }])).toBe(5);
  });

  it('pulls the caret back by what was deleted before it', () => {
    expect(shiftOffset(5, [{ delete: 2 }])).toBe(3);
    expect(shiftOffset(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
  });
});
