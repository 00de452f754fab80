/**
 * Real Yjs bytes to fuzz the collaboration socket with: the automerge-paper editing trace (Martin
 * Kleppmann, automerge-perf, via Joseph Gentle's editing-traces; CC BY 4.0) typed into a page of a
 * playbook, one update per recorded transaction; structures nested thousands deep; fields and roots
 * of the wrong type; and real awareness updates. Every update is self-contained: it touches only
 * top-level types by name and its own client's items, so it applies to any playbook, and with fixed
 * client ids the bytes are the same on every run.
 */
import { PlaybookDoc } from '@fullcourt/playbook';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyTxn, loadEditingTrace, type Patch } from '../../../bench/suites/collab/editingTrace';

/** The page the trace is typed into. */
export const tracePageId = 'fuzz-trace-page';
const traceClient = 0x5eed01;

export interface TraceMaterial {
  /** One update per recorded transaction, in order; update 0 creates the page. */
  updates: Uint8Array[];
  /** The page body's text once updates 0..k are applied. */
  textAfter(k: number): string;
  /** The state vector after updates 0..k. */
  stateVectorAfter(k: number): Uint8Array;
}

/** The text of the trace page's body in a synced document, or undefined when it has no such page. */
export function tracePageText(doc: Y.Doc): string | undefined {
  const page = doc.getMap('pages').get(tracePageId);
  const body = page instanceof Y.Map ? page.get('body') : undefined;
  const paragraph = body instanceof Y.XmlFragment ? body.get(0) : undefined;
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) return undefined;
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** The first `txns` transactions of the editing trace, typed into a new page's body. */
export function traceMaterial(txns: number): TraceMaterial {
  const trace = loadEditingTrace();
  const doc = new Y.Doc();
  doc.clientID = traceClient;
  const updates: Uint8Array[] = [];
  const stateVectors: Uint8Array[] = [];
  /** For each update, how many of the trace's transactions it completes. */
  const txnsDone: number[] = [];
  let applying = 0;
  doc.on('update', (update: Uint8Array) => {
    updates.push(update);
    stateVectors.push(Y.encodeStateVector(doc));
    txnsDone.push(applying);
  });
  const playbook = new PlaybookDoc(doc);
  doc.transact(() => {
    playbook.pages.add({ id: tracePageId, title: 'The editing trace', body: { markdown: '' } });
    playbook.pages.fragment(tracePageId, 'body').insert(0, [new Y.XmlElement('paragraph')]);
    (playbook.pages.fragment(tracePageId, 'body').get(0) as Y.XmlElement).insert(0, [new Y.XmlText()]);
  });
  const text = (playbook.pages.fragment(tracePageId, 'body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const used = trace.txns.slice(0, txns);
  for (const txn of used) {
    applying += 1;
    applyTxn(doc, text, txn);
  }
  doc.destroy();
  return {
    updates,
    textAfter: (k) => replay(used.slice(0, txnsDone[Math.min(k, txnsDone.length - 1)] ?? 0).flatMap((txn) => txn.patches)),
    stateVectorAfter: (k) => stateVectors[Math.min(k, stateVectors.length - 1)] as Uint8Array,
  };
}

function replay(patches: Patch[]): string {
  let text = '';
  for (const [position, deleteCount, insertText] of patches)
    text = text.slice(0, position) + insertText + text.slice(position + deleteCount);
  return text;
}

/** Shapes of deep nesting, each where a reader of the playbook walks. */
export const nestShapes = ['blockquote', 'unknown-element', 'list', 'map-in-field', 'array-in-field'] as const;
export type NestShape = (typeof nestShapes)[number];

/** One update holding a structure `depth` levels deep, built level by level (never recursively). */
export function nestedUpdate(depth: number, shape: NestShape): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 0x5eed02;
  const playbook = new PlaybookDoc(doc);
  doc.transact(() => {
    if (shape === 'map-in-field' || shape === 'array-in-field') {
      playbook.pages.add({ id: 'fuzz-nested-page', title: 'Nested', body: { markdown: 'deep' } });
      const item = doc.getMap('pages').get('fuzz-nested-page') as Y.Map<unknown>;
      if (shape === 'map-in-field') {
        let parent = new Y.Map<unknown>();
        item.set('title', parent);
        for (let i = 1; i < depth; i++) {
          const child = new Y.Map<unknown>();
          parent.set('a', child);
          parent = child;
        }
      } else {
        let parent = new Y.Array<unknown>();
        item.set('body', parent);
        for (let i = 1; i < depth; i++) {
          const child = new Y.Array<unknown>();
          parent.insert(0, [child]);
          parent = child;
        }
      }
      return;
    }
    // Rich text: the attribution is a top-level fragment, read by every JSON, Markdown and diff reader.
    let parent: Y.XmlFragment | Y.XmlElement = playbook.attributionFragment();
    for (let i = 0; i < depth; i++) {
      const name = shape === 'blockquote' ? 'blockquote' : shape === 'unknown-element' ? 'div' : i % 2 === 0 ? 'bulletList' : 'listItem';
      const child = new Y.XmlElement(name);
      parent.insert(0, [child]);
      parent = child;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText('deep')]);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Ways a field or a top-level type can hold the wrong kind of value. */
export const mistypings = [
  'title as a number',
  'title as a map',
  'body as text',
  'body as a string',
  'body holding bare text',
  'order as a map',
  'order as garbage',
  'item as a string',
  'item as text',
  'root title as a map',
  'root pages as an array',
  'root attribution as text',
  'root stages as text',
  'meta id as a map',
  'meta currency as an array',
] as const;
export type Mistyping = (typeof mistypings)[number];

/** One update that stores a value of the wrong type where the playbook expects another. */
export function mistypedUpdate(mistyping: Mistyping): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 0x5eed03;
  doc.transact(() => {
    // Only built when needed: it defines every top-level type, and the root cases define one otherwise.
    const page = () => {
      new PlaybookDoc(doc).pages.add({ id: 'fuzz-mistyped-page', title: 'Mistyped', body: { markdown: 'body' } });
      return doc.getMap('pages').get('fuzz-mistyped-page') as Y.Map<unknown>;
    };
    switch (mistyping) {
      case 'title as a number':
        page().set('title', 42);
        break;
      case 'title as a map':
        page().set('title', new Y.Map());
        break;
      case 'body as text':
        page().set('body', new Y.Text('not rich'));
        break;
      case 'body as a string':
        page().set('body', '# not a fragment');
        break;
      case 'body holding bare text': {
        // Characters straight in the fragment, where only elements and XmlText belong (what a Y.Text peer writes).
        const body = page().get('body') as Y.XmlFragment;
        Y.Text.prototype.insert.call(body as unknown as Y.Text, 0, 'bare text in a fragment');
        break;
      }
      case 'order as a map':
        page().set('order', new Y.Map());
        break;
      case 'order as garbage':
        page().set('order', '\u0000\uffff'.repeat(50));
        break;
      case 'item as a string':
        doc.getMap('pages').set('fuzz-mistyped-page', 'a string where a record belongs');
        break;
      case 'item as text':
        doc.getMap('stages').set('fuzz-mistyped-stage', new Y.Text('text where a record belongs'));
        break;
      case 'root title as a map':
        doc.getMap('title').set('x', 'a map entry in the title');
        break;
      case 'root pages as an array':
        doc.getArray('pages').insert(0, ['an array item in a map']);
        break;
      case 'root attribution as text':
        doc.getText('attribution').insert(0, 'plain text in a fragment');
        break;
      case 'root stages as text':
        doc.getText('stages').insert(0, 'text in a collection');
        break;
      case 'meta id as a map':
        doc.getMap('meta').set('id', new Y.Map());
        break;
      case 'meta currency as an array':
        doc.getMap('meta').set('currency', new Y.Array());
        break;
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A real awareness update, as a y-websocket client sends it: a name, a colour and a cursor. */
export function awarenessUpdate(clientId = 0x5eed04, state: Record<string, unknown> | null = defaultPresence): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  doc.destroy();
  return update;
}

const defaultPresence = {
  user: { name: 'Fuzz', color: '#f07' },
  cursor: { anchor: { type: null, tname: 'pages', item: null, assoc: 0 }, head: null },
  section: 'pages',
};
