/** A rectangle on screen, as dnd-kit measures droppables. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const center = (box: Box) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });

/**
 * The cell a keyboard move goes to: the nearest cell whose centre lies in the pressed direction,
 * preferring cells in the same row (for left/right) or column (for up/down). Null at the edge.
 */
export function nextCell<T>(from: Box, cells: readonly { id: T; box: Box }[], direction: Direction): T | null {
  const origin = center(from);
  let best: { id: T; score: number } | null = null;
  for (const cell of cells) {
    const c = center(cell.box);
    const dx = c.x - origin.x;
    const dy = c.y - origin.y;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 1) continue; // not in that direction (or the cell itself)
    // Straying from the row or column costs more than going further along it.
    const score = along + across * 3;
    if (!best || score < best.score) best = { id: cell.id, score };
  }
  return best?.id ?? null;
}

/** The direction an arrow key asks for, by its `code`. */
export function arrowDirection(code: string): Direction | null {
  switch (code) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    default:
      return null;
  }
}
