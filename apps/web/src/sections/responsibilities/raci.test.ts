import { describe, expect, it } from 'vitest';
import { describeRowStatus, letterForKey, nextLetter, raciRowStatus } from './raci';

describe('RACI cells', () => {
  it('cycles through R, A, C, I and back to empty on click', () => {
    const seen = [nextLetter(null)];
    for (let i = 0; i < 4; i++) seen.push(nextLetter(seen[seen.length - 1]));
    expect(seen).toEqual(['R', 'A', 'C', 'I', null]);
  });

  it('sets a letter from the keyboard in either case and clears with Delete', () => {
    expect(letterForKey('a')).toEqual({ letter: 'A' });
    expect(letterForKey('I')).toEqual({ letter: 'I' });
    expect(letterForKey('Delete')).toEqual({ letter: null });
    expect(letterForKey('x')).toBeNull();
    expect(letterForKey('ArrowLeft')).toBeNull();
    expect(letterForKey(' ')).toBeNull();
  });
});

describe('RACI rows', () => {
  const roles = ['marketing', 'sales', 'product'];

  it('accepts a row with exactly one A', () => {
    expect(raciRowStatus({ marketing: 'A', sales: 'R' }, roles)).toEqual({ kind: 'ok' });
    expect(describeRowStatus({ kind: 'ok' })).toBeNull();
  });

  it('flags a row without an A', () => {
    const status = raciRowStatus({ marketing: 'R', sales: 'C' }, roles);
    expect(status).toEqual({ kind: 'no-accountable' });
    expect(describeRowStatus(status)).toMatch(/No A/);
  });

  it('flags a row with two A, as two people assigning at once can produce', () => {
    const status = raciRowStatus({ marketing: 'A', sales: 'A' }, roles);
    expect(status).toEqual({ kind: 'multiple-accountable', roleIds: ['marketing', 'sales'] });
    expect(describeRowStatus(status)).toBe("2 A's: only one role can be accountable");
  });

  it('ignores letters of deleted roles', () => {
    expect(raciRowStatus({ ghost: 'A' }, roles)).toEqual({ kind: 'no-accountable' });
    expect(raciRowStatus({ ghost: 'A', sales: 'A' }, roles)).toEqual({ kind: 'ok' });
  });
});
