import type { Position } from '@fullcourt/playbook';

/**
 * Where to move a dragged stage so it lands on the slot of the one it was dropped on: after it
 * when moving right, before it when moving left. Null when nothing moves.
 */
export function moveTarget(ids: readonly string[], activeId: string, overId: string): Position | null {
  const from = ids.indexOf(activeId);
  const to = ids.indexOf(overId);
  if (from < 0 || to < 0 || from === to) return null;
  return to > from ? { after: overId } : { before: overId };
}

/** "Stage 'Awareness'" or "Stage 3 (unnamed)": how a stage is named in labels and announcements. */
export function stageLabel(name: string, index: number): string {
  return name.trim() ? `Stage ${name.trim()}` : `Stage ${index + 1} (unnamed)`;
}
