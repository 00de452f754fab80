import { describe, expect, it } from 'vitest';
import { arrowDirection, nextCell } from './cellNavigation';

// A 3 × 3 grid of 100 × 50 cells, ids "row,column".
const cells = [0, 1, 2].flatMap((row) =>
  [0, 1, 2].map((column) => ({ id: `${row},${column}`, box: { left: column * 100, top: row * 50, width: 100, height: 50 } })),
);
const at = (id: string) => cells.find((c) => c.id === id)?.box ?? { left: 0, top: 0, width: 0, height: 0 };

describe('moving a card between cells with the arrow keys', () => {
  it('goes to the neighbouring cell in the pressed direction', () => {
    expect(nextCell(at('1,1'), cells, 'right')).toBe('1,2');
    expect(nextCell(at('1,1'), cells, 'left')).toBe('1,0');
    expect(nextCell(at('1,1'), cells, 'up')).toBe('0,1');
    expect(nextCell(at('1,1'), cells, 'down')).toBe('2,1');
  });

  it('stays put at the edge of the map', () => {
    expect(nextCell(at('0,2'), cells, 'right')).toBeNull();
    expect(nextCell(at('2,0'), cells, 'down')).toBeNull();
  });

  it('reads arrow keys only', () => {
    expect(arrowDirection('ArrowDown')).toBe('down');
    expect(arrowDirection('Space')).toBeNull();
  });
});
