import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabTarget, handshakeFrames, isSyncStep2, isUpdate, payloadOf, socketUrl, syncStep1Frame, updateOf } from './wire';

const yws: CollabTarget = { dialect: 'y-websocket', wsBase: 'ws://127.0.0.1:1/collab', room: 'pb_1' };
const hocus: CollabTarget = { dialect: 'hocuspocus', wsBase: 'ws://127.0.0.1:2', room: 'room-1' };

/** A server's sync update frame for `target`: [room prefix]? 0, 2, update. */
function serverUpdate(target: CollabTarget, update: Uint8Array, room = target.room): Uint8Array {
  const prefix = target.dialect === 'hocuspocus' ? [room.length, ...new TextEncoder().encode(room)] : [];
  return Uint8Array.from([...prefix, 0, 2, update.length, ...update]);
}

describe('the bench readers speak both dialects', () => {
  it('puts the room in the path for y-websocket and in every frame for Hocuspocus', () => {
    expect(socketUrl(yws)).toBe('ws://127.0.0.1:1/collab/pb_1');
    expect(socketUrl(hocus)).toBe('ws://127.0.0.1:2');
    const sv = Y.encodeStateVector(new Y.Doc());
    expect([...syncStep1Frame(yws, sv)]).toEqual([0, 0, sv.length, ...sv]);
    const decoder = decoding.createDecoder(syncStep1Frame(hocus, sv));
    expect(decoding.readVarString(decoder)).toBe('room-1');
    expect([...decoder.arr.subarray(decoder.pos)]).toEqual([0, 0, sv.length, ...sv]);
  });

  it('authenticates first with Hocuspocus, with an empty token, and sends nothing extra to y-websocket', () => {
    expect(handshakeFrames(yws)).toEqual([]);
    const [auth] = handshakeFrames(hocus);
    const decoder = decoding.createDecoder(auth as Uint8Array);
    expect(decoding.readVarString(decoder)).toBe('room-1');
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder), decoding.readVarString(decoder)]).toEqual([2, 0, '']);
  });

  it('reads the same update out of either dialect, and ignores frames about other rooms', () => {
    const doc = new Y.Doc();
    doc.getMap('bench').set('seq', 7);
    const update = Y.encodeStateAsUpdate(doc);
    for (const target of [yws, hocus]) {
      const payload = payloadOf(target, serverUpdate(target, update)) as Uint8Array;
      expect(isUpdate(payload)).toBe(true);
      expect(isSyncStep2(payload)).toBe(false);
      expect([...updateOf(payload)]).toEqual([...update]);
    }
    expect(payloadOf(hocus, serverUpdate(hocus, update, 'room-2'))).toBeUndefined();
  });
});
