import type { RaciLetter } from '@fullcourt/playbook';

/** The order a click walks through: empty, then R, A, C, I, then empty again. */
const CYCLE: (RaciLetter | null)[] = [null, 'R', 'A', 'C', 'I'];

/** The letter after this one when the cell is clicked. */
export function nextLetter(letter: RaciLetter | null | undefined): RaciLetter | null {
  const index = CYCLE.indexOf(letter ?? null);
  return CYCLE[(index + 1) % CYCLE.length] ?? null;
}

/** The letter a key press sets: R, A, C or I (either case); Delete, Backspace or "-" clear; null for other keys (Space and Enter press the button). */
export function letterForKey(key: string): { letter: RaciLetter | null } | null {
  const upper = key.toUpperCase();
  if (upper === 'R' || upper === 'A' || upper === 'C' || upper === 'I') return { letter: upper };
  if (key === 'Delete' || key === 'Backspace' || key === '-') return { letter: null };
  return null;
}

/** Whether a row of the matrix has exactly one accountable role. */
export type RaciRowStatus = { kind: 'ok' } | { kind: 'no-accountable' } | { kind: 'multiple-accountable'; roleIds: string[] };

/**
 * Checks a row against the rule every RACI matrix keeps: exactly one A. Letters held by roles that
 * no longer exist do not count, since nobody would answer for them.
 */
export function raciRowStatus(raci: Readonly<Record<string, RaciLetter>>, liveRoleIds: readonly string[]): RaciRowStatus {
  const accountable = liveRoleIds.filter((id) => raci[id] === 'A');
  if (accountable.length === 0) return { kind: 'no-accountable' };
  if (accountable.length > 1) return { kind: 'multiple-accountable', roleIds: accountable };
  return { kind: 'ok' };
}

/** The row's status in a few words for the flag beside it. */
export function describeRowStatus(status: RaciRowStatus): string | null {
  switch (status.kind) {
    case 'ok':
      return null;
    case 'no-accountable':
      return 'No A: nobody is accountable';
    case 'multiple-accountable':
      return `${status.roleIds.length} A's: only one role can be accountable`;
  }
}
