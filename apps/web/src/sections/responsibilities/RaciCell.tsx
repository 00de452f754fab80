import { type RaciLetter, raciLabels } from '@fullcourt/playbook';
import type { KeyboardEvent } from 'react';
import { letterForKey, nextLetter } from './raci';
import styles from './responsibilities.module.css';

interface Props {
  letter: RaciLetter | null;
  roleName: string;
  activity: string;
  row: number;
  column: number;
  onChange: (letter: RaciLetter | null) => void;
  /** Moves focus to a neighbouring cell (arrow keys), so the grid is filled in without the mouse. */
  onNavigate: (row: number, column: number) => void;
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** Each letter's colours. */
const letterStyles: Record<RaciLetter, string | undefined> = { R: styles.raciR, A: styles.raciA, C: styles.raciC, I: styles.raciI };

/** One role's letter for one activity: click to cycle, or type R, A, C, I; Delete clears; arrows move. */
export function RaciCell({ letter, roleName, activity, row, column, onChange, onNavigate }: Props) {
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const arrow = ARROWS[event.key];
    if (arrow) {
      event.preventDefault();
      onNavigate(row + arrow[0], column + arrow[1]);
      return;
    }
    const typed = letterForKey(event.key);
    if (typed) {
      event.preventDefault();
      onChange(typed.letter);
    }
  }
  const state = letter ? `${letter}, ${raciLabels[letter]}` : 'none';
  return (
    <button
      type="button"
      className={letter ? `${styles.raciCell} ${letterStyles[letter]}` : styles.raciCell}
      data-row={row}
      data-column={column}
      aria-label={`${roleName || 'Unnamed role'} for ${activity || 'unnamed activity'}: ${state}`}
      onClick={() => onChange(nextLetter(letter))}
      onKeyDown={onKeyDown}
    >
      {letter ?? '·'}
    </button>
  );
}
