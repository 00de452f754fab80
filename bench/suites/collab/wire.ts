/**
 * The two wire dialects the benchmarked servers speak, for the bench's bare reader sockets.
 *
 * "y-websocket" (Fullcourt, @y/websocket-server): one socket per room, the room in the URL path,
 * frames are `[messageType][...]` (0 sync, 1 awareness). "hocuspocus": one socket for any number
 * of rooms, every frame prefixed with the room name as a varString, and the server waits for an
 * authentication message before it handles anything else for that room. Past the prefix and the
 * handshake the payloads are the same y-protocols messages, so readers decode them the same way.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type Dialect = 'y-websocket' | 'hocuspocus';

/** Where a client connects: the server's WebSocket base, the room, and how it speaks. */
export interface CollabTarget {
  dialect: Dialect;
  /** y-websocket: the socket URL is `${wsBase}/${room}`; hocuspocus: `wsBase` itself. */
  wsBase: string;
  room: string;
  /** Credentials on the upgrade (a session cookie or `Authorization: Bearer`). */
  headers?: Record<string, string>;
}

const messageSync = 0;
const messageAwareness = 1;
/** Hocuspocus's Auth message type and its Token sub-type (@hocuspocus/common AuthMessageType). */
const hocuspocusAuth = 2;
const hocuspocusAuthToken = 0;

export function socketUrl(target: CollabTarget): string {
  return target.dialect === 'hocuspocus' ? target.wsBase : `${target.wsBase}/${target.room}`;
}

function prefixed(target: CollabTarget, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  if (target.dialect === 'hocuspocus') encoding.writeVarString(encoder, target.room);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** What a client must send first: Hocuspocus's (empty) token; nothing for y-websocket. */
export function handshakeFrames(target: CollabTarget): Uint8Array[] {
  if (target.dialect !== 'hocuspocus') return [];
  return [
    prefixed(target, (encoder) => {
      encoding.writeVarUint(encoder, hocuspocusAuth);
      encoding.writeVarUint(encoder, hocuspocusAuthToken);
      encoding.writeVarString(encoder, '');
    }),
  ];
}

/** Sync step 1 with the given state vector. */
export function syncStep1Frame(target: CollabTarget, stateVector: Uint8Array): Uint8Array {
  return prefixed(target, (encoder) => {
    encoding.writeVarUint(encoder, messageSync);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, stateVector);
  });
}

/** One awareness entry, as y-protocols' Awareness encodes it: what a real client's presence sends. */
export function awarenessFrame(target: CollabTarget, clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  return prefixed(target, (encoder) => {
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  });
}

/**
 * The y-protocols payload of a frame the server sent, with the dialect's room prefix removed,
 * or undefined for a frame about another room.
 */
export function payloadOf(target: CollabTarget, frame: Uint8Array): Uint8Array | undefined {
  if (target.dialect !== 'hocuspocus') return frame;
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarString(decoder) !== target.room) return undefined;
  return frame.subarray(decoder.pos);
}

/** Sync update (0, 2): a document change another client made. */
export function isUpdate(payload: Uint8Array): boolean {
  return payload[0] === messageSync && payload[1] === 2;
}

/** Sync step 2 (0, 1): the server's answer to our step 1, so the reader is in the room. */
export function isSyncStep2(payload: Uint8Array): boolean {
  return payload[0] === messageSync && payload[1] === 1;
}

/** The Yjs update inside a sync update or step 2 payload. */
export function updateOf(payload: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(payload);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}
