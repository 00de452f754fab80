/** The smallest single replacement that turns `current` into `next`: where it starts, how much goes, what comes. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The span an input's change replaced, found from the common head and tail. Writing only that span
 * into the shared text keeps a peer's concurrent typing elsewhere in the same field.
 */
export function spliceBetween(current: string, next: string): TextSplice | null {
  if (current === next) return null;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  // Never split a surrogate pair: half an emoji is not text.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current.charCodeAt(endCurrent - 1) === next.charCodeAt(endNext - 1)) {
    endCurrent--;
    endNext--;
  }
  if (endCurrent < current.length && isHighSurrogate(current.charCodeAt(endCurrent - 1))) {
    endCurrent++;
    endNext++;
  }
  return { index: start, remove: endCurrent - start, insert: next.slice(start, endNext) };
}

/** A Yjs text delta: retain, insert and delete steps in order. */
export type TextDelta = readonly { retain?: number; insert?: unknown; delete?: number }[];

/**
 * Where a caret at `offset` belongs after someone else's change, so typing next to a peer does not
 * throw the caret to the end of the field. Text inserted exactly at the caret goes after it.
 */
export function shiftOffset(offset: number, delta: TextDelta): number {
  let oldPosition = 0;
  let shift = 0;
  for (const step of delta) {
    if (oldPosition >= offset) break;
    if (step.retain !== undefined) oldPosition += step.retain;
    else if (step.delete !== undefined) {
      shift -= Math.max(0, Math.min(step.delete, offset - oldPosition));
      oldPosition += step.delete;
    } else if (typeof step.insert === 'string') shift += step.insert.length;
  }
  return Math.max(0, offset + shift);
}
