import { z } from 'zod';

/**
 * The longest each kind of plain-text field may be, in UTF-16 code units (what `String.length`
 * and `Y.Text.length` count). The one place these numbers live: the record schemas use them, and
 * everything else (REST validation, the collaboration socket, readers, the web app's inputs)
 * reads them back from the schemas through `textLimitsOf`.
 */
export const TEXT_LIMITS = {
  /** Names and titles: one line in a list, a card heading, a file name. */
  name: 200,
  /** One entry of a list (entry criteria, plays, reasons, what a persona cares about), an activity. */
  line: 500,
  /** One BANT criterion. */
  criterion: 1_000,
  /** A link. Browsers and servers commonly stop at about 2 KB. */
  url: 2_048,
  /** Free text: a stage's goal, a state's definition, the playbook's description. */
  text: 5_000,
} as const;

/** A plain-text field of at most `limit` characters. */
export function limitedText(limit: number) {
  return z.string().max(limit, `at most ${limit} characters`);
}

/** What ends a text cut to its limit on reading, so readers and the validator can tell it was cut. */
export const CLIP_MARK = '…';

/**
 * `value` if it fits `limit`, else its head ending in CLIP_MARK, `limit` long. Only a text stored
 * before the limits existed can be longer; readers clip it so exports, headers and tools cope.
 */
export function clipText(value: string, limit: number): string {
  if (value.length <= limit) return value;
  let end = limit - CLIP_MARK.length;
  // Never keep half a surrogate pair.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end) + CLIP_MARK;
}

/** Whether a value looks like clipText's output: exactly at its limit and ending in the mark. */
export function wasClipped(value: string, limit: number): boolean {
  return value.length >= limit - 1 && value.length <= limit && value.endsWith(CLIP_MARK);
}

/**
 * The plain-text limits of a schema, as a tree: a number for a limited string (or a list of
 * them, whose every line has that limit), an object for a record or group. Fields without a
 * limit (ids, enums, rich text, numbers) are left out.
 */
export type TextLimits = { readonly [field: string]: number | TextLimits };

/** Reads the limits out of a zod schema (see TextLimits). */
export function textLimitsOf(schema: z.ZodType): TextLimits {
  const found = limitOf(schema);
  return typeof found === 'object' ? found : {};
}

function limitOf(schema: z.ZodType): number | TextLimits | undefined {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
  switch (def.type) {
    case 'default':
    case 'optional':
    case 'nullable':
      return limitOf(def.innerType as z.ZodType);
    case 'array':
      return limitOf(def.element as z.ZodType);
    case 'string':
      return (schema as z.ZodString).maxLength ?? undefined;
    case 'object': {
      const limits: Record<string, number | TextLimits> = {};
      for (const [field, fieldSchema] of Object.entries(def.shape ?? {})) {
        const limit = limitOf(fieldSchema);
        if (limit !== undefined && (typeof limit === 'number' || Object.keys(limit).length > 0)) limits[field] = limit;
      }
      return limits;
    }
    default:
      return undefined;
  }
}

/** A plain-text value found in a JSON value by its limits: where it is, what it holds, its limit. */
export interface LimitedText {
  path: (string | number)[];
  value: string;
  limit: number;
}

/**
 * Every limited plain-text value in `json` (a record, a playbook, …) described by `limits`.
 * Iterative, and it visits each value once: the walk costs as much as the JSON it reads.
 */
export function limitedTexts(json: unknown, limits: TextLimits): LimitedText[] {
  const found: LimitedText[] = [];
  const stack: { value: unknown; limit: number | TextLimits; path: (string | number)[] }[] = [{ value: json, limit: limits, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, limit, path } = next;
    if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        stack.push({ value: entry, limit, path: [...path, index] });
      });
    } else if (typeof limit === 'number') {
      if (typeof value === 'string') found.push({ path, value, limit });
    } else if (typeof value === 'object' && value !== null) {
      for (const [field, fieldLimit] of Object.entries(limit)) {
        if (field in value) stack.push({ value: (value as Record<string, unknown>)[field], limit: fieldLimit, path: [...path, field] });
      }
    }
  }
  return found;
}

/**
 * A copy of `json` with every limited text clipped (see clipText), and where clipping happened.
 * Readers of JSON stored before the limits existed (saved versions) use it so old data still fits.
 */
export function clipTexts<T>(json: T, limits: TextLimits): { json: T; clipped: LimitedText[] } {
  const over = limitedTexts(json, limits).filter((text) => text.value.length > text.limit);
  if (over.length === 0) return { json, clipped: [] };
  const copy = structuredClone(json);
  for (const { path, value, limit } of over) {
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path[path.length - 1] as string | number] = clipText(value, limit);
  }
  return { json: copy, clipped: over };
}
