import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Most awareness client ids one connection may introduce (a tab has one; a few is generous). */
export const maxClientIdsPerPeer = 8;
/** Largest awareness state (name, colour, cursor, section) one client may publish. */
export const maxAwarenessStateBytes = 16 * 1024;

/**
 * Keeps from an awareness update only the entries this connection may set: its own clients
 * and up to `maxClientIdsPerPeer` new ones, each under `maxAwarenessStateBytes`. y-websocket
 * clients echo everyone's changes, so foreign entries are dropped quietly, not refused; what is
 * dropped can neither spoof another person's cursor nor grow the server's memory.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  mayClaim: (clientId: number) => 'own' | 'new' | 'foreign',
  ownedCount: number,
): Uint8Array | undefined {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: [number, number, string][] = [];
  let claimed = ownedCount;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (state.length > maxAwarenessStateBytes) continue;
    const claim = mayClaim(clientId);
    if (claim === 'foreign') continue;
    if (claim === 'new') {
      if (claimed >= maxClientIdsPerPeer) continue;
      claimed++;
    }
    kept.push([clientId, clock, state]);
  }
  if (kept.length === 0) return undefined;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * One awareness update holding, for each client, the newest entry of `kept` and `newer`
 * (by clock), at most `maxClientIdsPerPeer` clients: what a throttled connection's updates
 * inside one interval add up to, so the others get one message instead of many.
 */
export function mergeAwarenessUpdates(kept: Uint8Array, newer: Uint8Array): Uint8Array {
  const entries = new Map<number, [number, string]>();
  for (const update of [kept, newer]) {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      const known = entries.get(clientId);
      if (known ? clock >= known[0] : entries.size < maxClientIdsPerPeer) entries.set(clientId, [clock, state]);
    }
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.size);
  for (const [clientId, [clock, state]] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
