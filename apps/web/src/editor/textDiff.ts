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
