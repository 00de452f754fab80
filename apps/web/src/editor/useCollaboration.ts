import type { Finding } from '@fullcourt/playbook';
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useIdentity } from '../identity/useIdentity';
import { CollabSession } from './collabSession';
import type { ConnectionState } from './connectionState';
import type { ListKey, PlaybookHeader, PlaybookRecords, RecordIn } from './playbookStore';
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

/** The title, description and currency; re-renders only when one of them changes. */
export function usePlaybookHeader(): PlaybookHeader {
  const { state } = useSession();
  return useSyncExternalStore(
    useCallback((listener: () => void) => state.subscribeTo('header', listener), [state]),
    state.getHeader,
  );
}

function useCollectionTopic(key: ListKey): (listener: () => void) => () => void {
  const { state } = useSession();
  return useCallback((listener: () => void) => state.subscribeTo(key, listener), [state, key]);
}

/** One record; re-renders when that record changes, not when its neighbours do. */
export function useRecord<K extends ListKey>(key: K, id: string): RecordIn<K> | undefined {
  const { state } = useSession();
  return useSyncExternalStore(useCollectionTopic(key), () => state.record(key, id));
}

/** Whether a record exists; re-renders only when that flips. */
export function useHasRecord(key: ListKey, id: string | null): boolean {
  const { state } = useSession();
  return useSyncExternalStore(useCollectionTopic(key), () => id !== null && state.record(key, id) !== undefined);
}

/** A collection's ids in order; re-renders only when a record is added, deleted or moved. */
export function useRecordIds(key: ListKey): string[] {
  const { state } = useSession();
  return useSyncExternalStore(useCollectionTopic(key), () => state.ids(key));
}

/** Every record of a collection; re-renders when any of them changes. */
export function useRecords<K extends ListKey>(key: K): PlaybookRecords[K] {
  const { state } = useSession();
  return useSyncExternalStore(useCollectionTopic(key), () => state.records(key));
}

/**
 * Something derived from a collection (say the states' names), re-rendering only when it differs
 * by `isEqual`: an SLA card shows state names, and typing a state's definition must not redraw it.
 */
export function useSelected<K extends ListKey, T>(key: K, select: (records: PlaybookRecords[K]) => T, isEqual: (a: T, b: T) => boolean): T {
  const { state } = useSession();
  const last = useRef<{ records: PlaybookRecords[K]; value: T } | null>(null);
  const read = () => {
    const records = state.records(key);
    const before = last.current;
    if (before?.records === records) return before.value;
    const value = select(records);
    last.current = { records, value: before && isEqual(before.value, value) ? before.value : value };
    return last.current.value;
  };
  return useSyncExternalStore(useCollectionTopic(key), read);
}

/** The validator's findings about one item; re-renders only when they change. */
export function useItemFindings(itemId: string): readonly Finding[] {
  const { findings } = useSession();
  return useSyncExternalStore(findings.subscribe, () => findings.forItem(itemId));
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
