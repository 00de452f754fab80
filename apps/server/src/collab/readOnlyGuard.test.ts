import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changesDocument } from './readOnlyGuard';

/** A server document and a reader that has synced with it. */
function synced() {
  const server = new Y.Doc();
  const text = server.getText('notes');
  text.insert(0, 'Hello, world');
  text.delete(0, 7);
  const reader = new Y.Doc();
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(server));
  return { server, reader };
}

describe('whether an update from a read-only connection would change the document', () => {
  it('lets through the sync step 2 of a reader that has nothing new, delete set and all', () => {
    const { server, reader } = synced();
    const step2 = Y.encodeStateAsUpdate(reader, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(changesDocument(server, step2)).toBe(false);
    expect(changesDocument(server, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
  });

  it('catches an insertion', () => {
    const { server, reader } = synced();
    const before = Y.encodeStateVector(server);
    reader.getText('notes').insert(0, 'x');
    expect(changesDocument(server, Y.encodeStateAsUpdate(reader, before))).toBe(true);
  });

  it('catches a deletion of text the document still has', () => {
    const { server, reader } = synced();
    const before = Y.encodeStateVector(server);
    reader.getText('notes').delete(0, 1);
    expect(changesDocument(server, Y.encodeStateAsUpdate(reader, before))).toBe(true);
  });

  it('treats an undecodable update as a change', () => {
    expect(changesDocument(new Y.Doc(), new Uint8Array([9, 9, 9]))).toBe(true);
  });
});
