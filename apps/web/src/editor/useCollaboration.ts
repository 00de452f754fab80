import type { Finding } from '@fullcourt/playbook';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { useIdentity } from '../identity/useIdentity';
import { CollabSession } from './collabSession';
import type { ConnectionState } from './connectionState';
import type { PlaybookState } from './playbookStore';
import type { Peer, PresenceMode } from './presence';

/**
 * Opens a playbook for the lifetime of the calling screen and closes it after. Null on the first
 * render: the session is created in an effect so React's double mount in development does not
 * leave a second socket open.
 */
export function useCollaboration(playbookId: string, mode: PresenceMode, readOnly = false): CollabSession | null {
  const identity = useIdentity();
  const [session, setSession] = useState<CollabSession | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the identity is applied below without reopening the playbook.
  useEffect(() => {
    const opened = new CollabSession(playbookId, identity, mode, readOnly);
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [playbookId, mode, readOnly]);

  useEffect(() => {
    if (session && identity) session.setPresence({ user: { name: identity.name, color: identity.color } });
  }, [session, identity]);

  return session;
}

/** The open playbook, for every component below the screen that opened it. */
export const SessionContext = createContext<CollabSession | null>(null);

/** Whether the open playbook is read-only for this person (a viewer): inputs are disabled and nothing is sent. */
export function useReadOnly(): boolean {
  return useContext(SessionContext)?.readOnly ?? false;
}

export function useSession(): CollabSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside a SessionContext provider');
  return session;
}

export function usePlaybookState(): PlaybookState {
  const { state } = useSession();
  return useSyncExternalStore(state.subscribe, state.getSnapshot);
}

export function useFindings(): Finding[] {
  const { findings } = useSession();
  return useSyncExternalStore(findings.subscribe, findings.getSnapshot);
}

export function useConnection(): ConnectionState {
  const session = useSession();
  return useSyncExternalStore(
    (listener) => session.subscribe('connection', listener),
    () => session.connection,
  );
}

export function usePeers(): Peer[] {
  const session = useSession();
  return useSyncExternalStore(
    (listener) => session.subscribe('peers', listener),
    () => session.peers,
  );
}

export function useUndoState(): { canUndo: boolean; canRedo: boolean } {
  const session = useSession();
  return useSyncExternalStore(
    (listener) => session.subscribe('undo', listener),
    () => session.undoState,
  );
}
