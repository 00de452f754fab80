import { PlaybookDoc } from '@fullcourt/playbook';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { SectionId } from '../app/routes';
import type { Identity } from '../identity/identity';
import { type ConnectionEvent, type ConnectionState, initialConnection, isPermanentClose, nextConnection } from './connectionState';
import { FindingsStore } from './findingsStore';
import { PlaybookStore } from './playbookStore';
import { type LocalPresence, type Peer, type PresenceMode, peersFrom } from './presence';

/** The origin of this person's structured edits: the undo manager tracks it and nothing else. */
export const LOCAL_EDIT = { source: 'fullcourt-local-edit' } as const;

/** Where the collaboration endpoint is, relative to the page (the dev server proxies it). */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * One open playbook: the Y.Doc kept on this device (IndexedDB, from a worker) and synced with the server
 * (y-websocket), the typed PlaybookDoc over it, presence, undo and the stores React reads.
 */
export class CollabSession {
  readonly playbook: PlaybookDoc;
  readonly provider: WebsocketProvider;
  readonly undoManager: Y.UndoManager;
  readonly state: PlaybookStore;
  readonly findings: FindingsStore;
  /** Resolves once the copy kept on this device has been loaded into the document. */
  readonly localLoaded: Promise<void>;
  /** Resolves on the first sync with the server. */
  readonly firstSync: Promise<void>;

  private connectionState: ConnectionState;
  private peerList: Peer[] = [];
  private readonly listeners = { connection: new Set<() => void>(), peers: new Set<() => void>(), undo: new Set<() => void>() };
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly playbookId: string,
    identity: Identity | null,
    mode: PresenceMode,
    /** A viewer's session: it follows the live playbook and sends no edits. */
    readonly readOnly = false,
  ) {
    const ydoc = new Y.Doc();
    this.playbook = new PlaybookDoc(ydoc);
    // The copy kept on this device lives in the validator's worker (FindingsStore), off the main
    // thread. A read-only session starts from the server alone: edits kept on this device from
    // when this person could edit stay there (for when they can again), rather than being sent and refused.
    this.findings = new FindingsStore(ydoc, readOnly ? null : `fullcourt-playbook-${playbookId}`);
    this.localLoaded = this.findings.localLoaded;
    this.provider = new WebsocketProvider(collabUrl(), playbookId, ydoc, {
      maxBackoffTime: 5_000,
      shouldReconnect: (event) => !isPermanentClose(event.code),
    });
    this.undoManager = new Y.UndoManager(ydoc, { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 400 });
    this.state = new PlaybookStore(this.playbook);

    this.connectionState = initialConnection(navigator.onLine);
    this.firstSync = new Promise((resolve) => {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        // A named mark: the browser benchmark (apps/web/bench) and performance tools read it.
        if (!this.connectionState.everSynced) performance.mark('fullcourt:synced');
        this.dispatch({ type: 'synced' });
        resolve();
      };
      this.provider.on('sync', onSync);
      this.cleanups.push(() => this.provider.off('sync', onSync));
    });
    const onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) => this.dispatch({ type: 'status', status });
    const onClose = (event: CloseEvent | null) => {
      if (event) this.dispatch({ type: 'closed-by-server', code: event.code, reason: event.reason });
    };
    // A socket can hang half-open for a long time after the network goes; close it at once so the
    // state is honest, and reconnect the moment the network is back instead of after a backoff.
    const onOnline = () => {
      this.dispatch({ type: 'browser-online' });
      if (this.connectionState.status !== 'stopped') this.provider.connect();
    };
    const onOffline = () => {
      this.dispatch({ type: 'browser-offline' });
      this.provider.disconnect();
    };
    this.provider.on('status', onStatus);
    this.provider.on('connection-close', onClose);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    this.cleanups.push(() => {
      this.provider.off('status', onStatus);
      this.provider.off('connection-close', onClose);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    });

    const awareness = this.provider.awareness;
    const onAwareness = () => {
      this.peerList = peersFrom(awareness.getStates(), awareness.clientID);
      for (const listener of this.listeners.peers) listener();
    };
    awareness.on('change', onAwareness);
    this.cleanups.push(() => awareness.off('change', onAwareness));
    // A reader who has not introduced themselves publishes no name, and so appears to nobody.
    this.setPresence({ ...(identity && { user: { name: identity.name, color: identity.color } }), mode, section: null, presenting: false });

    const onStack = () => {
      for (const listener of this.listeners.undo) listener();
    };
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
      this.undoManager.on(event, onStack);
      this.cleanups.push(() => this.undoManager.off(event, onStack));
    }
  }

  /** Runs this person's edit as one transaction that their undo can take back (and nobody else's); none in a read-only session. */
  edit(change: () => void): void {
    if (this.readOnly) return;
    this.playbook.transact(change, LOCAL_EDIT);
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  /**
   * After this person restored a version. Their undo steps were recorded against the state the
   * restore replaced, and replaying them would duplicate text, so undo starts afresh; the others
   * learn of it through presence (useRestoreNotice) and do the same.
   */
  markRestored(version: { number: number; label: string }): void {
    this.undoManager.clear();
    this.setPresence({ restored: { number: version.number, label: version.label, at: Date.now() } });
  }

  /** Publishes part of this person's presence (section, presenting, name) to everyone. */
  setPresence(presence: Partial<LocalPresence>): void {
    const awareness = this.provider.awareness;
    for (const [field, value] of Object.entries(presence)) awareness.setLocalStateField(field, value);
  }

  get selfClientId(): number {
    return this.provider.awareness.clientID;
  }

  get connection(): ConnectionState {
    return this.connectionState;
  }

  get peers(): Peer[] {
    return this.peerList;
  }

  get undoState(): { canUndo: boolean; canRedo: boolean } {
    return this.undoFlags;
  }

  subscribe(topic: keyof CollabSession['listeners'], listener: () => void): () => void {
    this.listeners[topic].add(listener);
    return () => this.listeners[topic].delete(listener);
  }

  /** The section this session shows, for the avatar bar of the others. */
  showSection(section: SectionId | null): void {
    this.setPresence({ section });
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.findings.destroy();
    this.state.destroy();
    this.undoManager.destroy();
    this.provider.awareness.setLocalState(null);
    this.provider.destroy();
    this.playbook.ydoc.destroy();
  }

  private undoFlagsCache = { canUndo: false, canRedo: false };

  private get undoFlags(): { canUndo: boolean; canRedo: boolean } {
    const canUndo = this.undoManager.canUndo();
    const canRedo = this.undoManager.canRedo();
    if (canUndo !== this.undoFlagsCache.canUndo || canRedo !== this.undoFlagsCache.canRedo) this.undoFlagsCache = { canUndo, canRedo };
    return this.undoFlagsCache;
  }

  private dispatch(event: ConnectionEvent): void {
    const next = nextConnection(this.connectionState, event);
    if (next === this.connectionState) return;
    this.connectionState = next;
    for (const listener of this.listeners.connection) listener();
  }
}
