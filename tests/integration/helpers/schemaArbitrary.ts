import fc from 'fast-check';

/** The subset of JSON Schema (as OpenAPI 3.1 documents use it) that the generators understand. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface SchemaContext {
  /** `components.schemas` of the document, for `$ref`. */
  schemas: Record<string, JsonSchema>;
  /** Existing ids to prefer for id-shaped strings, so references (stage ids, lead states) can be valid. */
  knownIds: readonly string[];
  /** Replaces the generator for a property by name (e.g. `tiptap` with real rich-text trees). */
  overrides?: Record<string, () => fc.Arbitrary<unknown>>;
}

/** Resolves a local `$ref` (`#/components/schemas/Name`). */
export function resolveSchema(schema: JsonSchema, context: SchemaContext): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 16; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = context.schemas[name];
    if (!target) throw new Error(`unknown $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/**
 * Values that satisfy the schema, as a client that read the documentation would send. Bounded in
 * size (arrays of a few items, short strings), since hostile sizes are the mutators' job.
 */
export function validValue(schema: JsonSchema, context: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const s = resolveSchema(schema, context);
  if (depth > 8) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => validValue(alt, context, depth + 1)));
  if (s.allOf) return validValue(Object.assign({}, ...s.allOf.map((part) => resolveSchema(part, context))), context, depth + 1);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...s, type }, context, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: lowerBound(s) ?? -1_000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: lowerBound(s) ?? -1e9, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'string':
      return validString(s, context);
    case 'array':
      return fc.array(s.items ? validValue(s.items, context, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    case 'object':
      return validObject(s, context, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function lowerBound(s: JsonSchema): number | undefined {
  if (s.exclusiveMinimum !== undefined) return Math.floor(s.exclusiveMinimum) + 1;
  return s.minimum;
}

function validObject(s: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = s.properties ?? {};
  if (Object.keys(properties).length === 0) {
    const extra =
      typeof s.additionalProperties === 'object' ? validValue(s.additionalProperties, context, depth + 1) : fc.jsonValue({ maxDepth: 2 });
    return fc.dictionary(idLike(context), extra, { maxKeys: 4 });
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    const override = context.overrides?.[name];
    model[name] = override ? override() : validValue(property, context, depth + 1);
  }
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((key) => key in model) });
}

// IP literals and localhost only: a name would make the server ask a DNS resolver off this machine.
const uriHosts = [
  '127.0.0.1',
  'localhost',
  '[::1]',
  '127.0.0.1:9',
  '169.254.169.254',
  '10.0.0.1',
  '0.0.0.0',
  '[::ffff:127.0.0.1]',
  '2130706433',
];

function validString(s: JsonSchema, context: SchemaContext): fc.Arbitrary<string> {
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 40));
  const fits = (value: string) => value.length >= minLength && value.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);
  if (s.format === 'uri' || s.format === 'url') {
    // Webhook targets: hosts a server could be tricked into calling. The server under fuzz has
    // outbound connections switched off (noOutboundConnections.ts), so none is ever reached.
    return fc
      .tuple(fc.constantFrom('http', 'https'), fc.constantFrom(...uriHosts), fc.webPath())
      .map(([scheme, host, path]) => `${scheme}://${host}${path}`);
  }
  if (s.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time')
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.pattern) {
    const matching = matchingStrings(s.pattern).filter(fits);
    return isIdPattern(s.pattern) && context.knownIds.length > 0 ? fc.oneof(fc.constantFrom(...context.knownIds), matching) : matching;
  }
  return fc
    .oneof(fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }), fc.string({ minLength, maxLength, unit: 'grapheme' }))
    .filter(fits);
}

/**
 * Strings matching a pattern. fast-check cannot generate from lookaheads (the ISO duration pattern
 * has two): generate from the pattern without them, and keep what the whole pattern accepts.
 */
function matchingStrings(pattern: string): fc.Arbitrary<string> {
  const regex = new RegExp(pattern);
  try {
    return fc.stringMatching(regex);
  } catch {
    const withoutLookarounds = pattern.replace(/\(\?<?[=!][^()]*\)/g, '');
    return fc.stringMatching(new RegExp(withoutLookarounds)).filter((value) => regex.test(value));
  }
}

function isIdPattern(pattern: string): boolean {
  return pattern.startsWith('^[A-Za-z0-9_-]');
}

/** Short id-shaped keys, from the known ids when there are any. */
function idLike(context: SchemaContext): fc.Arbitrary<string> {
  const fresh = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
  return context.knownIds.length > 0 ? fc.oneof(fc.constantFrom(...context.knownIds), fresh) : fresh;
}
