import { useSyncExternalStore } from 'react';
import type { Person } from '../api/account';

/** Whether someone is signed in in this browser, and who. */
export type AccountState = { status: 'loading' } | { status: 'signed-out'; reason?: string } | { status: 'signed-in'; person: Person };

let state: AccountState = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: AccountState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Asks the server who this browser is signed in as (GET /api/v1/me). */
export async function loadAccount(): Promise<void> {
  const res = await fetch('/api/v1/me').catch(() => undefined);
  if (res?.ok) set({ status: 'signed-in', person: (await res.json()) as Person });
  else if (res?.status === 401) set({ status: 'signed-out' });
  else if (state.status === 'loading') set({ status: 'signed-out' });
}

/** After a profile change: the new name and colour reach every screen (and presence). */
export function notePerson(person: Person): void {
  set({ status: 'signed-in', person });
}

/** The server answered 401 (or closed the socket with 4401): the session ended (signed out elsewhere, password changed, deactivated). */
export function noteSignedOut(reason?: string): void {
  if (state.status !== 'signed-out') set({ status: 'signed-out', ...(reason ? { reason } : {}) });
}

export function useAccount(): AccountState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** The signed-in person outside React, or null. */
export function currentPerson(): Person | null {
  return state.status === 'signed-in' ? state.person : null;
}
