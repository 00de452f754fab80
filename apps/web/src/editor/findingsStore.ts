import type { Finding, Playbook } from '@fullcourt/playbook';
import * as Y from 'yjs';
import type { PlaybookState } from './playbookStore';
import type { ReplicaRequest, ReplicaResponse } from './replicaMessages';

/** The canonical JSON the validator expects, from a render snapshot (attribution is free text it does not check). */
export function snapshotToPlaybook(state: PlaybookState): Playbook {
  return {
    id: null,
    title: state.title,
    description: state.description,
    stages: state.stages,
    lifecycle: state.lifecycle,
    slas: state.slas,
    content: state.content,
    personas: state.personas,
    roles: state.roles,
    responsibilities: state.responsibilities,
    metrics: { currency: state.currency, periods: state.metrics },
    attribution: { markdown: '' },
    pages: state.pages,
  };
}

/**
 * Validator findings for the live playbook. Validation reads the whole playbook, so it runs in a
 * worker (findings.worker.ts) on a replica of the document, a moment after changes pause; the
 * page only forwards each update. The validator never throws. The same replica keeps this
 * device's copy of the playbook (IndexedDB), so storing it costs the page nothing either.
 */
export class FindingsStore {
  private findings: Finding[] = [];
  private byItem = new Map<string, readonly Finding[]>();
  private readonly listeners = new Set<() => void>();
  private readonly worker: Worker;
  private readonly forward: (update: Uint8Array, origin: unknown) => void;

  /** Resolves once the copy kept on this device (if any) has been loaded into the document. */
  readonly localLoaded: Promise<void>;

  /** `localName`: keep a copy of the document on this device (IndexedDB) under that name, from the worker. */
  constructor(
    private readonly ydoc: Y.Doc,
    localName: string | null = null,
  ) {
    this.worker = new Worker(new URL('./findings.worker.ts', import.meta.url), { type: 'module' });
    let loaded = () => {};
    this.localLoaded = localName ? new Promise((resolve) => (loaded = resolve)) : Promise.resolve();
    this.worker.onmessage = (event: MessageEvent<ReplicaResponse>) => {
      const message = event.data;
      if (message.type === 'findings') this.receive(message.findings);
      else {
        Y.applyUpdate(ydoc, message.state, FROM_REPLICA);
        loaded();
      }
    };
    this.send(Y.encodeStateAsUpdate(ydoc));
    if (localName) this.send({ type: 'keep-local', name: localName });
    // The replica has what it sent back already.
    this.forward = (update, origin) => {
      if (origin !== FROM_REPLICA) this.send(update);
    };
    ydoc.on('update', this.forward);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Finding[] => this.findings;

  /** The findings about one item; the same array until they change, so a card can skip re-rendering. */
  forItem(itemId: string): readonly Finding[] {
    return this.byItem.get(itemId) ?? NONE;
  }

  destroy(): void {
    this.ydoc.off('update', this.forward);
    // The worker closes itself once it has read this: terminating it while its script still loads
    // would leave that request open for good (and a page that never goes network-idle).
    this.worker.onmessage = null;
    this.send({ type: 'close' });
    this.listeners.clear();
  }

  private send(message: ReplicaRequest): void {
    this.worker.postMessage(message);
  }

  private receive(findings: Finding[]): void {
    // Most edits change no finding: keep the array then, so nothing that shows findings re-renders.
    if (sameFindings(findings, this.findings)) return;
    this.findings = findings;
    this.byItem = groupByItem(this.findings, this.byItem);
    for (const listener of this.listeners) listener();
  }
}

/** The origin of what the worker loaded from this device's copy. */
const FROM_REPLICA = { source: 'fullcourt-local-copy' } as const;

const NONE: readonly Finding[] = Object.freeze([]);

/** What makes two findings the same for display. */
const findingKey = (f: Finding) => `${f.severity}|${f.code}|${f.path.join('.')}|${f.message}`;

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, i) => findingKey(f) === findingKey(b[i] as Finding));
}

/** Findings per item id, keeping the previous array of an item whose findings did not change. */
function groupByItem(findings: readonly Finding[], previous: ReadonlyMap<string, readonly Finding[]>): Map<string, readonly Finding[]> {
  const grouped = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.itemId === null) continue;
    let list = grouped.get(finding.itemId);
    if (!list) {
      list = [];
      grouped.set(finding.itemId, list);
    }
    list.push(finding);
  }
  const next = new Map<string, readonly Finding[]>();
  for (const [itemId, list] of grouped) {
    const before = previous.get(itemId);
    const same = before && before.length === list.length && before.every((f, i) => findingKey(f) === findingKey(list[i] as Finding));
    next.set(itemId, same ? before : list);
  }
  return next;
}
