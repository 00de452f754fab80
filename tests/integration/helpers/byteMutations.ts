import fc from 'fast-check';
import * as encoding from 'lib0/encoding';

/**
 * Mutations of binary messages: flip a bit, overwrite a byte, cut a range, splice in bytes from
 * other messages, duplicate a range, plant a huge varint, or nest the whole message inside another
 * frame. Positions are drawn as numbers and taken modulo the length, so one mutation applies to
 * any message and shrinks towards its start.
 */
export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'splice'; at: number; source: number; from: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'varint'; at: number; bytes: number }
  | { kind: 'nest'; type: number; sub: number };

export const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(0x00, 0x01, 0x7f, 0x80, 0xff), fc.integer({ min: 0, max: 255 })),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    source: fc.nat(),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 256 }),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('varint' as const), at: fc.nat(), bytes: fc.integer({ min: 5, max: 10 }) }),
  fc.record({ kind: fc.constant('nest' as const), type: fc.constantFrom(0, 1), sub: fc.constantFrom(0, 1, 2) }),
);

/** Applies one mutation; `sources` are the messages a splice may borrow from. */
export function mutate(bytes: Uint8Array, mutation: Mutation, sources: readonly Uint8Array[]): Uint8Array {
  const n = bytes.length;
  const at = n === 0 ? 0 : mutation.kind === 'nest' ? 0 : mutation.at % (n + 1);
  switch (mutation.kind) {
    case 'flip': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      const i = mutation.at % n;
      out[i] = (out[i] as number) ^ (1 << mutation.bit);
      return out;
    }
    case 'set': {
      if (n === 0) return Uint8Array.of(mutation.value);
      const out = bytes.slice();
      out[mutation.at % n] = mutation.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'cut':
      return concat(bytes.subarray(0, at), bytes.subarray(at + mutation.length));
    case 'splice': {
      const source = sources.length > 0 ? (sources[mutation.source % sources.length] as Uint8Array) : bytes;
      const from = source.length === 0 ? 0 : mutation.from % source.length;
      return concat(bytes.subarray(0, at), source.subarray(from, from + mutation.length), bytes.subarray(at));
    }
    case 'duplicate':
      return concat(bytes.subarray(0, at + mutation.length), bytes.subarray(at));
    case 'varint': {
      // A varint of many continuation bytes: a length or clock far past anything real.
      const huge = new Uint8Array(mutation.bytes).fill(0xff);
      huge[huge.length - 1] = 0x7f;
      return concat(bytes.subarray(0, at), huge, bytes.subarray(at));
    }
    case 'nest':
      return frame(mutation.type, mutation.type === 0 ? mutation.sub : undefined, bytes);
  }
}

/** A y-websocket frame: message type, sync sub-type (for sync messages), then the length-prefixed payload. */
export function frame(type: number, sub: number | undefined, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (sub !== undefined) encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A short description of a mutation, for a counterexample. */
export function describeMutation(m: Mutation): string {
  const { kind, ...rest } = m;
  return `${kind}(${Object.values(rest).join(',')})`;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
