/** Who this person is to the others in the room: the name and colour on their caret and avatar. */
export interface Identity {
  name: string;
  color: string;
}

/** Colours dark enough for white text on a caret label (WCAG AA at 14px bold) and distinct side by side. */
export const IDENTITY_COLORS = [
  { value: '#1d4ed8', label: 'Blue' },
  { value: '#b91c1c', label: 'Red' },
  { value: '#047857', label: 'Green' },
  { value: '#7e22ce', label: 'Purple' },
  { value: '#c2410c', label: 'Orange' },
  { value: '#0f766e', label: 'Teal' },
  { value: '#be185d', label: 'Pink' },
  { value: '#4d7c0f', label: 'Olive' },
] as const;

const STORAGE_KEY = 'fullcourt.identity';
const MAX_NAME = 40;

/** A name as others will see it: trimmed, single-spaced and short enough for a caret label. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME);
}

/** Reads a stored identity; anything unusable reads as none, so the app asks again. */
export function parseIdentity(stored: string | null): Identity | null {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Partial<Identity>;
    const name = typeof value.name === 'string' ? cleanName(value.name) : '';
    const color = typeof value.color === 'string' && /^#[0-9a-f]{6}$/i.test(value.color) ? value.color : null;
    return name && color ? { name, color } : null;
  } catch {
    return null;
  }
}

/** A colour for someone who has not picked one, spread by name so a room rarely starts with twins. */
export function suggestColor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return (IDENTITY_COLORS[hash % IDENTITY_COLORS.length] ?? IDENTITY_COLORS[0]).value;
}

/** Initials for an avatar: "Ada Lovelace" → "AL", "ada" → "A". */
export function initials(name: string): string {
  const words = cleanName(name).split(' ').filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => [...(word as string)][0]?.toUpperCase() ?? '').join('') || '?';
}

export function loadIdentity(storage: Pick<Storage, 'getItem'> = localStorage): Identity | null {
  try {
    return parseIdentity(storage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be disabled (private mode, policies); then the person is asked each visit.
    return null;
  }
}

export function saveIdentity(identity: Identity, storage: Pick<Storage, 'setItem'> = localStorage): Identity {
  const clean = { name: cleanName(identity.name), color: identity.color };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(clean));
  } catch {
    // Not remembered, but still used for this visit.
  }
  return clean;
}
