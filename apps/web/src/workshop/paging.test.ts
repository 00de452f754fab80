import { describe, expect, it } from 'vitest';
import { pageFrom, pagingStep } from './paging';

describe('workshop paging', () => {
  it('pages through the sections in navigation order and stops at the ends', () => {
    expect(pageFrom('stages', 1)).toBe('lifecycle');
    expect(pageFrom('lifecycle', -1)).toBe('stages');
    expect(pageFrom('stages', -1)).toBe('stages');
    expect(pageFrom('pages', 1)).toBe('pages');
  });

  it('pages with clicker keys anywhere, and with arrows only where arrows are not needed', () => {
    expect(pagingStep('PageDown', true)).toBe(1);
    expect(pagingStep('PageUp', false)).toBe(-1);
    expect(pagingStep('ArrowRight', false)).toBe(1);
    expect(pagingStep('ArrowRight', true)).toBeNull();
    expect(pagingStep('Enter', false)).toBeNull();
  });
});
