import fc from 'fast-check';
import { type FuzzBody, fuzzBodies, tiptapDocs } from './hostileJson';
import { type JsonSchema, resolveSchema, type SchemaContext, validValue } from './schemaArbitrary';

/** What the generators need of an OpenAPI 3.1 document. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema> };
}

interface OperationObject {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

/** One documented operation, with what its requests are made of. */
export interface Operation {
  method: string;
  /** The documented path, e.g. `/playbooks/{id}/stages/{itemId}`. */
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  /** The JSON request body's schema, if the operation takes one. */
  bodySchema: JsonSchema | undefined;
  /** The schema of its 2xx JSON answer: the record an open `item` or patch stands for. */
  resultSchema: JsonSchema | undefined;
}

/** Every operation the document lists. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        bodySchema: operation.requestBody?.content['application/json']?.schema,
        resultSchema: success?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** A path parameter: a valid value picked at run time from the case's fixture, or raw (already encoded) text. */
export type PathValue = { valid: number } | { raw: string };

/** One generated request for an operation. */
export interface FuzzRequest {
  prefix: '/api/v1' | '/api';
  path: Record<string, PathValue>;
  /** Raw `name=value` pairs, already encoded (some on purpose badly). */
  query: string[];
  body: FuzzBody;
}

const garbagePathValues: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'toString',
    '0',
    '-1',
    '1.5',
    '1e9',
    '99999999999999999999',
    'NaN',
    'Infinity',
    'null',
    'live',
    '%00',
    '%ZZ',
    '%',
    '%2e%2e',
    '..',
    '%2F',
    '%20',
    '%C3%A9',
    '%F0%9F%98%80',
    '%ED%A0%80',
  ),
  fc.string({ minLength: 1, maxLength: 80, unit: 'binary' }).map(encodeURIComponent),
  fc.integer({ min: 65, max: 4_000 }).map((n) => 'a'.repeat(n)),
);

const garbageQueryValues: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1.5',
    '1e400',
    '99999999999999999999',
    'NaN',
    'live%20',
    'published%00',
    '%ZZ',
    '__proto__',
    'true',
    '[]',
  ),
  fc.string({ maxLength: 40, unit: 'binary' }).map(encodeURIComponent),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => '9'.repeat(n)),
);

const extraQuery: fc.Arbitrary<string[]> = fc.subarray([
  '__proto__=1',
  'constructor=x',
  'version=live&version=1',
  'limit[]=1',
  'format=md&format=html',
  '=',
  '&&',
  'a=%ZZ',
]);

/**
 * Requests for one operation: path parameters valid or garbage, query parameters absent, valid or
 * garbage, and a body of every kind (see fuzzBodies) built around the request schema.
 */
export function fuzzRequests(
  operation: Operation,
  document: OpenApiDocument,
  knownIds: readonly string[],
  maxChars: number,
): fc.Arbitrary<FuzzRequest> {
  const context: SchemaContext = { schemas: document.components.schemas, knownIds, overrides: { tiptap: tiptapDocs } };
  const path = fc.record(
    Object.fromEntries(
      operation.pathParams.map((name) => [
        name,
        fc.oneof(
          { weight: 4, arbitrary: fc.nat().map((valid): PathValue => ({ valid })) },
          { weight: 1, arbitrary: garbagePathValues.map((raw): PathValue => ({ raw })) },
        ),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, PathValue>>;
  const queryParts = operation.queryParams.map(({ name, schema }) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant<string | undefined>(undefined) },
      { weight: 2, arbitrary: validValue(schema, context).map((v) => `${name}=${encodeURIComponent(String(v))}`) },
      { weight: 1, arbitrary: garbageQueryValues.map((v) => `${name}=${v}`) },
    ),
  );
  const query = fc
    .tuple(fc.tuple(...queryParts), fc.oneof({ weight: 4, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: extraQuery }))
    .map(([parts, extra]) => [...parts.filter((p): p is string => p !== undefined), ...extra]);
  const body: fc.Arbitrary<FuzzBody> =
    operation.method === 'GET'
      ? fc.constant({ label: 'no body', text: undefined, contentType: undefined })
      : operation.bodySchema
        ? fuzzBodies(validBody(operation, context), maxChars)
        : fc.oneof(
            { weight: 3, arbitrary: fc.constant({ label: 'no body', text: undefined, contentType: undefined }) },
            { weight: 1, arbitrary: fuzzBodies(fc.jsonValue(), maxChars) },
          );
  return fc
    .record({
      prefix: fc.oneof({ weight: 4, arbitrary: fc.constant<'/api/v1'>('/api/v1') }, { weight: 1, arbitrary: fc.constant<'/api'>('/api') }),
      path,
      query,
      body,
    })
    .map((request) => Object.assign(request, { [fc.toStringMethod]: () => describeRequest(operation, request) }));
}

/**
 * Valid bodies. Where the schema leaves an object open (an item to add, the fields to patch), the
 * operation's answer names the record it stands for: its fields are used, none required.
 */
function validBody(operation: Operation, context: SchemaContext): fc.Arbitrary<unknown> {
  const schema = resolveSchema(operation.bodySchema as JsonSchema, context);
  const record = operation.resultSchema ? resolveSchema(operation.resultSchema, context) : undefined;
  const asFields = record?.properties ? { ...record, required: [] } : undefined;
  if (!asFields) return validValue(schema, context);
  if (isOpenObject(schema)) return validValue(asFields, context);
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [
      name,
      isOpenObject(resolveSchema(property, context)) ? asFields : property,
    ]),
  );
  return validValue({ ...schema, properties }, context);
}

function isOpenObject(schema: JsonSchema): boolean {
  return schema.type === 'object' && Object.keys(schema.properties ?? {}).length === 0;
}

/** Where a fixture's valid values come from: index `n` picks one of the candidates for a parameter. */
export type ValidValues = (param: string, operation: Operation) => readonly string[];

/** The URL path and query of a request, with valid parameters taken from the fixture. */
export function requestTarget(operation: Operation, request: FuzzRequest, valid: ValidValues): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = request.path[name] as PathValue;
    if ('raw' in value) return value.raw;
    const candidates = valid(name, operation);
    return encodeURIComponent(candidates[value.valid % Math.max(1, candidates.length)] ?? 'missing');
  });
  return `${request.prefix}${path}${request.query.length ? `?${request.query.join('&')}` : ''}`;
}

/** A one-line description (fast-check prints it for a counterexample instead of megabytes of body). */
function describeRequest(operation: Operation, request: FuzzRequest): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = request.path[name] as PathValue;
    return 'raw' in value
      ? value.raw.length > 40
        ? `${value.raw.slice(0, 40)}…(${value.raw.length})`
        : value.raw
      : `{valid ${name} #${value.valid}}`;
  });
  const query = request.query.map((q) => (q.length > 60 ? `${q.slice(0, 60)}…(${q.length})` : q));
  const body =
    request.body.text === undefined
      ? 'no body'
      : `${request.body.label}, ${request.body.text.length} chars, ${request.body.contentType ?? 'no content type'}`;
  return `${operation.method} ${request.prefix}${path}${query.length ? `?${query.join('&')}` : ''} [${body}]`;
}
