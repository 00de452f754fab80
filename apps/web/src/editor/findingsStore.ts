import type { Finding, Playbook } from '@fullcourt/playbook';
import * as Y from 'yjs';
import type { PlaybookState } from './playbookStore';

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
 * page only forwards each update. The validator never throws.
 */
export class FindingsStore {
  private findings: Finding[] = [];
  private byItem = new Map<string, readonly Finding[]>();
  private readonly listeners = new Set<() => void>();
  private readonly worker: Worker;
  private readonly forward: (update: Uint8Array) => void;

  constructor(private readonly ydoc: Y.Doc) {
    this.worker = new Worker(new URL('./findings.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<Finding[]>) => this.receive(event.data);
    this.worker.postMessage(Y.encodeStateAsUpdate(ydoc));
    this.forward = (update) => this.worker.postMessage(update);
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
    this.worker.postMessage('close');
    this.listeners.clear();
  }

  private receive(findings: Finding[]): void {
    // Most edits change no finding: keep the array then, so nothing that shows findings re-renders.
    if (sameFindings(findings, this.findings)) return;
    this.findings = findings;
    this.byItem = groupByItem(this.findings, this.byItem);
    for (const listener of this.listeners) listener();
  }
}

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
