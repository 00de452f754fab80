import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { parseMessage, syncStep1Message, syncStep2Message, updateMessage } from './messages';

function lib0SyncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('sync messages', () => {
  it('are written byte for byte as lib0 writes them, across every length width', () => {
    for (const length of [0, 1, 127, 128, 200, 16_383, 16_384, 70_000, 2_100_000]) {
      const payload = Uint8Array.from({ length }, (_, i) => (i * 7) & 0xff);
      // Compared as Buffers: a deep equality over megabytes, element by element, takes minutes.
      const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
      expect(same(syncStep1Message(payload), lib0SyncMessage(0, payload))).toBe(true);
      expect(same(syncStep2Message(payload), lib0SyncMessage(1, payload))).toBe(true);
      expect(same(updateMessage(payload), lib0SyncMessage(2, payload))).toBe(true);
      const parsed = parseMessage(updateMessage(payload));
      expect(parsed.kind === 'update' && same(parsed.update, payload)).toBe(true);
    }
  });
});
