import fc from 'fast-check';

/**
 * Request bodies a careless or hostile client sends: valid ones, valid ones with one part broken,
 * random JSON, text that is not JSON, huge strings, deep nesting and prototype keys. Large parts
 * are built as JSON text (`RawJson`), never as nested objects, so building them cannot overflow
 * the test's own stack.
 */

/** JSON text spliced into a value as it is serialised. */
export class RawJson {
  constructor(
    readonly text: string,
    /** What it is, for the case's description. */
    readonly label: string,
  ) {}
}

/** JSON.stringify that writes RawJson leaves verbatim. */
export function serialize(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => serialize(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Keys that reach Object.prototype or shadow its methods when code copies objects carelessly. */
export const prototypeKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
] as const;

/** `depth` levels of one shape, as JSON text: the shape says what a reader would recurse through. */
export function deepJson(depth: number, shape: DeepShape): RawJson {
  const [open, close, leaf] = deepParts[shape];
  return new RawJson(open.repeat(depth) + leaf + close.repeat(depth), `${shape} nested ${depth} deep`);
}

export type DeepShape = keyof typeof deepParts;
const deepParts = {
  array: ['[', ']', '0'],
  object: ['{"a":', '}', '0'],
  // Rich text: the tree Tiptap JSON readers and writers walk (blockquotes and lists in lists).
  blockquote: ['{"type":"blockquote","content":[', ']}', '{"type":"paragraph","content":[{"type":"text","text":"deep"}]}'],
  list: ['{"type":"bulletList","content":[{"type":"listItem","content":[', ']}]}', '{"type":"paragraph"}'],
} as const;

/** A tiptap `doc` whose content is `depth` nested nodes of one shape. */
export function deepTiptapDoc(depth: number, shape: 'blockquote' | 'list'): RawJson {
  const inner = deepJson(depth, shape);
  return new RawJson(`{"type":"doc","content":[${inner.text}]}`, `tiptap doc with ${inner.label}`);
}

/** A string of `length` characters repeating `unit`: runs of spaces, pipes and tabs are what slow regexes choke on. */
export function hugeString(length: number, unit: string): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const hugeUnits = [' ', '\t', '|', ' | ', 'a', '*', '_', '\n', '#', '\\', '`', '[', 'é', '😀', '\u0000', '<a>', '- ', '1. '];

/**
 * Arbitrary huge strings up to `maxChars`. A run followed by one other character is what makes a
 * backtracking regex (`\s+$`) try every start: a run alone at the end of a string matches at once.
 */
export function hugeStrings(maxChars: number): fc.Arbitrary<RawJson> {
  return fc
    .tuple(
      fc.integer({ min: Math.min(1_000, maxChars), max: maxChars }),
      fc.constantFrom(...hugeUnits),
      fc.constantFrom('', 'x', '|', '\n'),
    )
    .map(
      ([length, unit, end]) =>
        new RawJson(
          JSON.stringify(hugeString(length, unit) + end),
          `${length} chars of ${JSON.stringify(unit)}${end ? ` then ${JSON.stringify(end)}` : ''}`,
        ),
    );
}

/** Arbitrary deep nesting, mostly past what recursive code survives. */
export function deepValues(): fc.Arbitrary<RawJson> {
  return fc
    .tuple(
      fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 500, max: 6_000 })),
      fc.constantFrom<DeepShape>('array', 'object', 'blockquote', 'list'),
    )
    .map(([depth, shape]) => deepJson(depth, shape));
}

/** Objects whose keys are prototype names, with values that would do harm if merged into a prototype. */
export function prototypeObjects(): fc.Arbitrary<RawJson> {
  return fc
    .subarray([...prototypeKeys], { minLength: 1 })
    .chain((keys) =>
      fc.tuple(
        fc.constant(keys),
        fc.array(fc.constantFrom('{"polluted":true}', 'null', '1', '"x"', '{"prototype":{"polluted":true}}', '[]'), {
          minLength: keys.length,
          maxLength: keys.length,
        }),
      ),
    )
    .map(
      ([keys, values]) => new RawJson(`{${keys.map((k, i) => `${JSON.stringify(k)}:${values[i]}`).join(',')}}`, `keys ${keys.join(', ')}`),
    );
}

/** Values of the wrong kind, for any field. */
function strangeLeaves(maxChars: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(null, true, 0, -1, 1e308, -0, 2 ** 53 + 1, '', ' ', '\u0000', '\ud800', 'null', '[]', [], {}, [null], { type: 'doc' }),
    fc.jsonValue({ maxDepth: 2 }),
    hugeStrings(maxChars),
    deepValues(),
    prototypeObjects(),
  );
}

/** A JSON value with one part changed: a field replaced by a strange value, dropped, or given prototype keys. */
export function mutatedJson(valid: fc.Arbitrary<unknown>, maxChars: number): fc.Arbitrary<{ value: unknown; label: string }> {
  return fc
    .tuple(valid, fc.infiniteStream(fc.nat()), fc.constantFrom('replace', 'drop', 'prototype keys'), strangeLeaves(maxChars))
    .map(([value, picks, how, leaf]) => {
      const path = pickPath(value, picks[Symbol.iterator]());
      return {
        value: rewrite(value, path, how, leaf),
        label: `${how} at $${path.map((p) => `.${p}`).join('')}${how === 'replace' ? ` with ${describe(leaf)}` : ''}`,
      };
    });
}

function describe(leaf: unknown): string {
  if (leaf instanceof RawJson) return leaf.label;
  const text = JSON.stringify(leaf) ?? String(leaf);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** A random walk from the root into the value, stopping somewhere along the way. */
function pickPath(value: unknown, picks: Iterator<number>): string[] {
  const path: string[] = [];
  let current = value;
  while (current !== null && typeof current === 'object' && !(current instanceof RawJson)) {
    const keys = Object.keys(current);
    const pick = picks.next().value as number;
    if (keys.length === 0 || pick % 3 === 0) break;
    const key = keys[pick % keys.length] as string;
    path.push(key);
    current = (current as Record<string, unknown>)[key];
  }
  return path;
}

function rewrite(value: unknown, path: string[], how: string, leaf: unknown): unknown {
  if (path.length === 0) {
    if (how === 'replace') return leaf;
    if (how === 'prototype keys' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return new RawJson(
        mergeObjectText(serialize(value), '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}'),
        'prototype keys',
      );
    }
    return how === 'drop' ? undefined : value;
  }
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const next = rewrite((copy as Record<string, unknown>)[head], rest, how, leaf);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else (copy as Record<string, unknown>)[head] = next;
  return copy;
}

function mergeObjectText(objectText: string, members: string): string {
  return objectText === '{}' ? `{${members}}` : `{${members},${objectText.slice(1)}`;
}

/** A request body as sent: its text (undefined for none), content type, and what it is. */
export interface FuzzBody {
  label: string;
  text: string | undefined;
  contentType: string | undefined;
}

const contentTypes = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      'text/plain',
      'application/json; charset=utf-16',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/problem+json',
    ),
  },
);

/** Text that is not JSON, or not quite. */
function notJson(valid: fc.Arbitrary<unknown>): fc.Arbitrary<{ text: string; label: string }> {
  return fc.oneof(
    fc.tuple(valid, fc.nat()).map(([v, cut]) => {
      const text = serialize(v);
      return { text: text.slice(0, text.length > 1 ? cut % (text.length - 1) : 0), label: 'truncated JSON' };
    }),
    fc
      .constantFrom('{', '{"a":}', "{'a':1}", '[1,]', 'NaN', '\uFEFF{}', '{"a":1}{"b":2}', 'undefined', '{"a":"\\u12"}', '\u0000')
      .map((text) => ({ text, label: `not JSON: ${JSON.stringify(text)}` })),
    fc.string({ maxLength: 40, unit: 'binary' }).map((text) => ({ text, label: 'random text' })),
  );
}

/** Every kind of body for one operation, built around the valid values of its schema. */
export function fuzzBodies(valid: fc.Arbitrary<unknown>, maxChars: number): fc.Arbitrary<FuzzBody> {
  const json = (value: unknown, label: string) => ({ text: serialize(value), label });
  const body = fc.oneof(
    { weight: 4, arbitrary: valid.map((v) => json(v, 'valid')) },
    { weight: 6, arbitrary: mutatedJson(valid, maxChars).map(({ value, label }) => json(value, `mutated: ${label}`)) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => json(v, 'random JSON')) },
    { weight: 2, arbitrary: notJson(valid) },
    { weight: 1, arbitrary: hugeStrings(maxChars).map((raw) => json(raw, `a bare string of ${raw.label}`)) },
    { weight: 1, arbitrary: deepValues().map((raw) => json(raw, raw.label)) },
    { weight: 1, arbitrary: prototypeObjects().map((raw) => json(raw, `an object with ${raw.label}`)) },
    { weight: 1, arbitrary: fc.constant({ text: undefined, label: 'no body' }) },
  );
  return fc
    .tuple(body, contentTypes)
    .map(([{ text, label }, contentType]) => ({ text, label, contentType: text === undefined ? undefined : contentType }));
}

/**
 * Tiptap documents like the editor writes (paragraphs, headings, lists, quotes, marks), and now
 * and then one nested thousands deep: the rich-text tree every reader and writer walks.
 */
export function tiptapDocs(): fc.Arbitrary<unknown> {
  const text = fc
    .tuple(fc.string({ minLength: 1, maxLength: 30 }), fc.subarray(['bold', 'italic', 'code', 'strike']))
    .map(([t, marks]) => ({ type: 'text', text: t, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) }));
  const inline = fc.array(text, { minLength: 1, maxLength: 3 });
  const { block } = fc.letrec<{ block: unknown }>((tie) => ({
    block: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      inline.map((content) => ({ type: 'paragraph', content })),
      fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([level, content]) => ({ type: 'heading', attrs: { level }, content })),
      fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((content) => ({ type: 'blockquote', content })),
      fc
        .array(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })
        .map((items) => ({ type: 'bulletList', content: items.map((content) => ({ type: 'listItem', content })) })),
      fc.constant({ type: 'horizontalRule' }),
    ),
  }));
  const shallow = fc.array(block, { maxLength: 4 }).map((content) => ({ type: 'doc', content }));
  const deep = fc
    .tuple(fc.integer({ min: 500, max: 6_000 }), fc.constantFrom<'blockquote' | 'list'>('blockquote', 'list'))
    .map(([depth, shape]) => deepTiptapDoc(depth, shape));
  return fc.oneof({ weight: 5, arbitrary: shallow }, { weight: 1, arbitrary: deep });
}
