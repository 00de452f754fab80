/** Caret and avatar colours (the web app's palette): dark enough for white text, distinct side by side. */
export const personColors = ['#1d4ed8', '#b91c1c', '#047857', '#7e22ce', '#c2410c', '#0f766e', '#be185d', '#4d7c0f'] as const;

/** A colour for someone who has not picked one, spread by id so a room rarely starts with twins. */
export function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return personColors[hash % personColors.length] ?? personColors[0];
}
