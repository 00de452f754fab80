import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode, CloseReason } from '../errors';

/** y-websocket message types (the first varint of every frame). */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** y-protocols sync sub-types. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

export type IncomingMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

/**
 * Decodes one client frame without touching any document. Malformed input throws a
 * CloseReason saying what was wrong, so the caller can close just that socket.
 */
export function parseMessage(frame: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = readPayload(decoder, frame);
        if (syncType === SyncType.step1) return { kind: 'syncStep1', stateVector: payload };
        if (syncType === SyncType.step2) return { kind: 'syncStep2', update: payload };
        if (syncType === SyncType.update) return { kind: 'update', update: payload };
        throw new CloseReason(CloseCode.unsupportedData, `Unknown sync message type ${syncType}`);
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: readPayload(decoder, frame) };
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' };
      default:
        throw new CloseReason(CloseCode.unsupportedData, `Unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof CloseReason) throw error;
    throw new CloseReason(CloseCode.invalidPayload, `Malformed message: ${(error as Error).message}`);
  }
}

function readPayload(decoder: decoding.Decoder, frame: Uint8Array): Uint8Array {
  const length = decoding.readVarUint(decoder);
  // lib0 would happily view bytes past the frame if they share an ArrayBuffer: check ourselves.
  if (length > frame.byteLength - decoder.pos) {
    throw new CloseReason(CloseCode.invalidPayload, 'Malformed message: payload length runs past the end of the frame');
  }
  return decoding.readUint8Array(decoder, length);
}

export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  return syncMessage(SyncType.step1, stateVector);
}

export function syncStep2Message(update: Uint8Array): Uint8Array {
  return syncMessage(SyncType.step2, update);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(SyncType.update, update);
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness message saying these clients left (state null at the given clock), in y-protocols' update format. */
export function awarenessRemovalMessage(removed: [clientId: number, clock: number][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, removed.length);
  for (const [clientId, clock] of removed) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, 'null');
  }
  return awarenessMessage(encoding.toUint8Array(update));
}

/**
 * [sync, syncType, length, payload] written straight into one buffer of the exact size: this runs for
 * every update the server applies, and lib0's encoder would grow a buffer and copy it out again.
 */
function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  let lengthBytes = 1;
  for (let n = payload.byteLength; n > 0x7f; n = Math.floor(n / 0x80)) lengthBytes++;
  const message = new Uint8Array(2 + lengthBytes + payload.byteLength);
  message[0] = MessageType.sync;
  message[1] = syncType;
  let at = 2;
  let n = payload.byteLength;
  for (; n > 0x7f; n = Math.floor(n / 0x80)) message[at++] = 0x80 | (n & 0x7f);
  message[at++] = n;
  message.set(payload, at);
  return message;
}
