import { type Accountability, accountability, type RaciLetter } from '@fullcourt/playbook';

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

/** Whether a row of the matrix has exactly one accountable role (the package's rule, which the validator keeps too). */
export type RaciRowStatus = Accountability;

/** Checks a row with the package's rule; letters held by roles that no longer exist do not count. */
export function raciRowStatus(raci: Readonly<Record<string, RaciLetter>>, liveRoleIds: readonly string[]): RaciRowStatus {
  const live = new Set(liveRoleIds);
  return accountability(raci, (roleId) => live.has(roleId));
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
