import { useSyncExternalStore } from 'react';
import { type Identity, loadIdentity, saveIdentity } from './identity';

// One identity per browser profile, shared by every screen; loaded once, changed through setIdentity.
let current: Identity | null | undefined;
const listeners = new Set<() => void>();

function snapshot(): Identity | null {
  if (current === undefined) current = loadIdentity();
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The person using this browser, or null until they have told us their name. */
export function useIdentity(): Identity | null {
  return useSyncExternalStore(subscribe, snapshot);
}

/** The identity outside React (API calls name their author with it). */
export function currentIdentity(): Identity | null {
  return snapshot();
}

/** Remembers the identity locally and tells every screen (awareness picks it up from there). */
export function setIdentity(identity: Identity): void {
  current = saveIdentity(identity);
  for (const listener of listeners) listener();
}
