import { describe, expect, it } from 'vitest';
import { cleanName, initials, loadIdentity, parseIdentity, saveIdentity, suggestColor } from './identity';

describe('identity', () => {
  it('remembers a name and colour and reads them back', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveIdentity({ name: '  Ada   Lovelace ', color: '#1d4ed8' }, storage);
    expect(loadIdentity(storage)).toEqual({ name: 'Ada Lovelace', color: '#1d4ed8' });
  });

  it('treats a broken or partial stored value as no identity', () => {
    expect(parseIdentity('not json')).toBeNull();
    expect(parseIdentity(JSON.stringify({ name: '', color: '#1d4ed8' }))).toBeNull();
    expect(parseIdentity(JSON.stringify({ name: 'Ada', color: 'red' }))).toBeNull();
  });

  it('keeps names short enough for a caret label', () => {
    expect(cleanName('x'.repeat(100))).toHaveLength(40);
  });

  it('makes initials from the first and last word', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('ada')).toBe('A');
    expect(initials('Jean Claude Van Damme')).toBe('JD');
    expect(initials('')).toBe('?');
  });

  it('suggests the same colour for the same name', () => {
    expect(suggestColor('Ada')).toBe(suggestColor('Ada'));
  });
});
