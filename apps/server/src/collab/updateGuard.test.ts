import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';
import { checkUpdate } from './updateGuard';

function refusal(check: () => void): CloseReason | undefined {
  try {
    check();
  } catch (error) {
    if (error instanceof CloseReason) return error;
    throw error;
  }
  return undefined;
}

/** A v1 update of string items into root `notes`, one run per entry: [client, first clock, items]; each item names its origin or none. */
function handWritten(runs: [client: number, clock: number, items: { text: string; origin?: [number, number] }[]][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, runs.length);
  for (const [client, clock, items] of runs) {
    encoding.writeVarUint(e, items.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    for (const { text, origin } of items) {
      encoding.writeUint8(e, origin ? 4 | 0x80 : 4);
      if (origin) {
        encoding.writeVarUint(e, origin[0]);
        encoding.writeVarUint(e, origin[1]);
      } else {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'notes');
      }
      encoding.writeVarString(e, text);
    }
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

describe('checkUpdate', () => {
  it('accepts every update of a real editing session, one at a time and merged, and they apply', () => {
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    const text = writer.getText('notes');
    text.insert(0, 'hello world');
    text.delete(0, 6);
    text.insert(5, '!');
    writer.getMap('m').set('k', new Y.Text('inner'));
    const server = new Y.Doc();
    for (const update of updates) {
      expect(refusal(() => checkUpdate(server, update))).toBeUndefined();
      Y.applyUpdate(server, update);
    }
    expect(server.getText('notes').toString()).toBe('world!');
    expect(refusal(() => checkUpdate(new Y.Doc(), Y.mergeUpdates(updates)))).toBeUndefined();
  });

  it('refuses an item whose origin is a later change of its own client, which Yjs would throw on after applying the rest', () => {
    const server = new Y.Doc();
    const update = handWritten([
      [9, 0, [{ text: 'fine' }]],
      [5, 0, [{ text: 'a' }, { text: 'b', origin: [5, 7] }]],
    ]);
    const refused = refusal(() => checkUpdate(server, update));
    expect(refused?.code).toBe(CloseCode.invalidPayload);
    expect(refused?.reason).toMatch(/later change of its own client/);
    // What it guards against: the same bytes applied as they are leave half of them in the document.
    expect(() => Y.applyUpdate(server, update)).toThrow();
    expect(server.getText('notes').toString()).toContain('fine');
  });

  it('accepts an item whose origin is an earlier change of its own client in the same update', () => {
    const update = handWritten([[5, 0, [{ text: 'ab' }, { text: 'c', origin: [5, 1] }]]]);
    expect(refusal(() => checkUpdate(new Y.Doc(), update))).toBeUndefined();
  });

  it('refuses a change of no length and a client listed twice, which Yjs never writes', () => {
    expect(refusal(() => checkUpdate(new Y.Doc(), handWritten([[5, 0, [{ text: '' }]]])))?.code).toBe(CloseCode.invalidPayload);
    const twice = handWritten([
      [5, 0, [{ text: 'a' }]],
      [6, 0, [{ text: 'b' }]],
      [5, 1, [{ text: 'c', origin: [5, 0] }]],
    ]);
    expect(refusal(() => checkUpdate(new Y.Doc(), twice))?.reason).toMatch(/listed twice/);
  });

  it('refuses an update that starts past what the document has from a client', () => {
    const refused = refusal(() => checkUpdate(new Y.Doc(), handWritten([[5, 3, [{ text: 'late' }]]])));
    expect(refused?.reason).toMatch(/reconnect to resync/);
  });

  it('refuses an update with a hole in one client’s changes, which Yjs would hold as pending', () => {
    const writer = new Y.Doc();
    const text = writer.getText('notes');
    text.insert(0, 'ab');
    const first = Y.encodeStateAsUpdate(writer);
    text.insert(2, 'cd');
    const middle = Y.encodeStateVector(writer);
    text.insert(4, 'ef');
    // A valid first change, then a skip over 'cd', then 'ef': the first-change check alone lets it through.
    const holed = Y.mergeUpdates([first, Y.encodeStateAsUpdate(writer, middle)]);
    const server = new Y.Doc();
    expect(refusal(() => checkUpdate(server, holed))?.reason).toMatch(/reconnect to resync/);
    // What the check stops: applied, the bytes after the hole would wait in the document's pending store.
    Y.applyUpdate(server, holed);
    expect(server.store.pendingStructs).not.toBeNull();
  });

  it('refuses bytes that do not parse', () => {
    expect(refusal(() => checkUpdate(new Y.Doc(), Uint8Array.from([1, 1, 5, 0, 31])))?.code).toBe(CloseCode.invalidPayload);
  });
});
