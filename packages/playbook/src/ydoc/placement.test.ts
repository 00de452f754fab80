import { describe, expect, it } from 'vitest';
import { compareEntries, type OrderedEntry, placementKeys, reorderKeys } from './placement';

function apply(entries: OrderedEntry[], keys: Map<string, string>, id: string): string[] {
  const next = entries.filter((e) => e.id !== id).map((e) => ({ ...e, order: keys.get(e.id) ?? e.order }));
  next.push({ id, order: keys.get(id) as string });
  return next.sort(compareEntries).map((e) => e.id);
}

describe('placement in an ordered collection', () => {
  const entries: OrderedEntry[] = [
    { id: 'a', order: 'V' },
    { id: 'b', order: 'k' },
  ];

  it('writes a single key between two distinct neighbours', () => {
    const keys = placementKeys(entries, 1, 'x');
    expect([...keys.keys()]).toEqual(['x']);
    expect(apply(entries, keys, 'x')).toEqual(['a', 'x', 'b']);
  });

  it('re-keys the colliding run when two peers inserted with the same key', () => {
    const collided: OrderedEntry[] = [
      { id: 'a', order: 'V' },
      { id: 'p', order: 'a' },
      { id: 'q', order: 'a' },
      { id: 'z', order: 'k' },
    ];
    const keys = placementKeys(collided, 2, 'x');
    expect(apply(collided, keys, 'x')).toEqual(['a', 'p', 'x', 'q', 'z']);
    expect(keys.has('a')).toBe(false);
    expect(keys.has('z')).toBe(false);
  });

  it('places items with unusable keys by re-keying them', () => {
    const broken: OrderedEntry[] = [
      { id: 'a', order: '' },
      { id: 'b', order: '' },
    ];
    expect(apply(broken, placementKeys(broken, 1, 'x'), 'x')).toEqual(['a', 'x', 'b']);
  });

  it('keeps the keys already in order when reordering', () => {
    const keys = reorderKeys(['a', 'c', 'b', null, 'd']);
    expect(keys[0]).toBe('a');
    expect(keys[4]).toBe('d');
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(5);
    const changed = keys.filter((k, i) => k !== ['a', 'c', 'b', null, 'd'][i]);
    expect(changed).toHaveLength(2);
  });
});
