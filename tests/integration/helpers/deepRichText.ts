import { ROOT } from '@fullcourt/playbook';
import * as Y from 'yjs';

/**
 * Nests `levels` blockquotes in a page's body (each one inside the last, a paragraph saying
 * `text` at the bottom) in one transaction: the shape of the rich-text "bomb" of issue 8.
 */
export function nestBlockquotes(doc: Y.Doc, pageId: string, levels: number, text = 'deep'): void {
  doc.transact(() => {
    const page = doc.getMap<unknown>(ROOT.pages).get(pageId);
    if (!(page instanceof Y.Map)) throw new Error(`no page ${pageId}`);
    const body = new Y.XmlFragment();
    page.set('body', body);
    let parent: Y.XmlFragment | Y.XmlElement = body;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  });
}

/** The update a client would send to nest `levels` blockquotes in a page of a document in state `state`. */
export function deepPageUpdate(state: Uint8Array, pageId: string, levels: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  nestBlockquotes(doc, pageId, levels);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** A Yjs update framed as a y-websocket sync "update" message. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const length: number[] = [];
  let n = update.length;
  while (n > 0x7f) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  const frame = new Uint8Array(2 + length.length + update.length);
  frame.set([0, 2, ...length]);
  frame.set(update, 2 + length.length);
  return frame;
}

/**
 * One update deleting a page whose body is a chain of nested elements, every level at once, as a
 * client with a bigger stack than this test's (a browser) would send it.
 */
export function deletePageUpdate(state: Uint8Array, pageId: string): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  deletePageBottomUp(doc, pageId);
  doc.destroy();
  return updates[0] as Uint8Array;
}

/**
 * The state a compaction stored before the fix once Yjs' collection of a deep page's deletion had
 * overflowed the stack: the page and its `levels` nested blockquotes, deleted but still there.
 */
export function deletedDeepPageState(state: Uint8Array, pageId: string, levels: number): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  nestBlockquotes(doc, pageId, levels);
  deletePageBottomUp(doc, pageId);
  const deleted = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return deleted;
}

/** Deletes a page, its body's chain deepest first, in one transaction of a document that never collects (so nothing recurses). */
function deletePageBottomUp(doc: Y.Doc, pageId: string): void {
  const pages = doc.getMap<unknown>(ROOT.pages);
  const chain: (Y.XmlFragment | Y.XmlElement)[] = [(pages.get(pageId) as Y.Map<unknown>).get('body') as Y.XmlFragment];
  for (let last = chain[0]; last?.firstChild instanceof Y.XmlElement; last = chain[chain.length - 1]) chain.push(last.firstChild);
  doc.transact(() => {
    for (let i = chain.length - 2; i >= 0; i--) (chain[i] as Y.XmlFragment | Y.XmlElement).delete(0, 1);
    pages.delete(pageId);
  });
}
