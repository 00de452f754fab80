import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';
import { MAX_NODES_PER_UPDATE } from './nestingGuard';
import { checkUpdate } from './updateGuard';

/** Nests `levels` blockquotes inside `parent`, in one transaction; returns the deepest. */
function nest(parent: Y.XmlFragment | Y.XmlElement, levels: number): Y.XmlFragment | Y.XmlElement {
  let deepest = parent;
  parent.doc?.transact(() => {
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      deepest.insert(0, [quote]);
      deepest = quote;
    }
  });
  return deepest;
}

/** The deepest element of a chain of first children. */
function bottom(fragment: Y.XmlFragment): Y.XmlFragment | Y.XmlElement {
  let node: Y.XmlFragment | Y.XmlElement = fragment;
  while (node.firstChild instanceof Y.XmlElement) node = node.firstChild;
  return node;
}

/** A server document and a client in sync with it; `edit` runs on the client and returns its update. */
function setUp(prepare: (server: Y.Doc) => void = () => {}) {
  const server = new Y.Doc();
  prepare(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const edit = (change: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    change(client);
    return Y.encodeStateAsUpdate(client, before);
  };
  return { server, client, edit };
}

function refusal(check: () => unknown): CloseReason | undefined {
  try {
    check();
  } catch (error) {
    if (error instanceof CloseReason) return error;
    throw error;
  }
  return undefined;
}

describe('the nesting check of client updates', () => {
  it('measures depth in the live document: under content 40 levels deep, 24 more pass and 25 do not', () => {
    const { server, edit } = setUp((doc) => nest(doc.getXmlFragment('body'), 40));
    expect(
      refusal(() =>
        checkUpdate(
          server,
          edit((doc) => nest(bottom(doc.getXmlFragment('body')), 24)),
        ),
      ),
    ).toBeUndefined();

    const again = setUp((doc) => nest(doc.getXmlFragment('body'), 40));
    const refused = refusal(() =>
      checkUpdate(
        again.server,
        again.edit((doc) => nest(bottom(doc.getXmlFragment('body')), 25)),
      ),
    );
    expect(refused?.code).toBe(CloseCode.contentTooComplex);
    expect(refused?.reason).toMatch(/more than 64 levels deep/);
  });

  it('follows a run of new siblings to the element they sit beside in the document, and their children to them', () => {
    const { server, edit } = setUp((doc) => nest(doc.getXmlFragment('body'), 63));
    // Three siblings of the element at depth 63, each placed after the previous one, and a paragraph in the last, at 64.
    const siblings = edit((doc) => {
      const parent = bottom(doc.getXmlFragment('body')).parent as Y.XmlElement;
      doc.transact(() => {
        parent.insert(1, [new Y.XmlElement('blockquote'), new Y.XmlElement('blockquote'), new Y.XmlElement('blockquote')]);
        (parent.get(3) as Y.XmlElement).insert(0, [new Y.XmlElement('paragraph')]);
      });
    });
    expect(refusal(() => checkUpdate(server, siblings))).toBeUndefined();
    Y.applyUpdate(server, siblings);
    const deeper = edit((doc) => {
      const parent = bottom(doc.getXmlFragment('body')).parent as Y.XmlElement;
      ((parent.get(3) as Y.XmlElement).get(0) as Y.XmlElement).insert(0, [new Y.XmlText('too deep')]);
    });
    expect(refusal(() => checkUpdate(server, deeper))?.code).toBe(CloseCode.contentTooComplex);
  });

  it('counts every kind of shared type, not only rich text: maps nested in maps are refused too', () => {
    const { server, edit } = setUp();
    const update = edit((doc) => {
      let map = doc.getMap('meta');
      doc.transact(() => {
        for (let i = 0; i < 70; i++) {
          const inner = new Y.Map<unknown>();
          map.set('x', inner);
          map = inner;
        }
      });
    });
    expect(refusal(() => checkUpdate(server, update))?.code).toBe(CloseCode.contentTooComplex);
  });

  it(`refuses an update that adds more than ${MAX_NODES_PER_UPDATE} rich-text nodes at once`, () => {
    const { server, edit } = setUp();
    const update = edit((doc) =>
      doc.getXmlFragment('body').insert(
        0,
        Array.from({ length: MAX_NODES_PER_UPDATE + 1 }, () => new Y.XmlElement('paragraph')),
      ),
    );
    const refused = refusal(() => checkUpdate(server, update));
    expect(refused?.code).toBe(CloseCode.contentTooComplex);
    expect(refused?.reason).toMatch(/at most 50000/);
  });

  it('lets people type inside content nested past the limit, stored before there was one', () => {
    const { server, edit } = setUp((doc) => nest(doc.getXmlFragment('body'), 5_000).insert(0, [new Y.XmlText('deep')]));
    const typing = edit((doc) => (bottom(doc.getXmlFragment('body')).firstChild as Y.XmlText).insert(4, ' down here'));
    expect(refusal(() => checkUpdate(server, typing))).toBeUndefined();
    const nesting = edit((doc) => nest(bottom(doc.getXmlFragment('body')), 1));
    expect(refusal(() => checkUpdate(server, nesting))?.code).toBe(CloseCode.contentTooComplex);
  });

  it('refuses a new element placed beside one the server never received, which nobody could place in depth', () => {
    const { server, client, edit } = setUp();
    const other = new Y.Doc();
    other.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(other));
    const update = edit((doc) => doc.getXmlFragment('body').insert(1, [new Y.XmlElement('paragraph')]));
    const refused = refusal(() => checkUpdate(server, update));
    expect(refused?.code).toBe(CloseCode.invalidPayload);
    expect(refused?.reason).toMatch(/reconnect to resync/);
  });
});
