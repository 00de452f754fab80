/**
 * Fuzzes every operation the OpenAPI document lists, with requests generated from the document
 * itself: path parameters valid and garbage, query parameters valid and garbage, and bodies that are
 * valid, mutated, random JSON, not JSON, huge, deeply nested or full of prototype keys. Each case
 * gets a fresh starter playbook (with a published version and a webhook), sends one to three
 * requests, then checks what must always hold: no 500 (a 503 that reports failing storage aside),
 * the server process alive, the playbook readable over REST and through a fresh y-websocket sync,
 * and /api/health answering. The server runs in a child process with outbound connections off.
 * Every request is the owner's (signed in by the helpers, and again after a case that ended the
 * owner's session): the fuzz reaches each operation's validation and work, not only its 401.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, it } from 'vitest';
import { api, createPlaybook } from '../integration/helpers/api';
import { signInOwner } from '../integration/helpers/auth';
import { type ChildServer, errorsLogged, startChildServer } from '../integration/helpers/childServer';
import { requestOnFreshConnection } from '../integration/helpers/freshConnection';
import { fuzzSettings } from '../integration/helpers/fuzzSettings';
import {
  type FuzzRequest,
  fuzzRequests,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  requestTarget,
} from '../integration/helpers/openapiRequests';
import { brokenInvariants, isAcceptableResponse } from '../integration/helpers/serverInvariants';

const settings = fuzzSettings();
const boundedRuns = 2;
const noOutbound = new URL('../integration/helpers/noOutboundConnections.ts', import.meta.url).pathname;
const dataDirs: string[] = [];

async function startFuzzServer(): Promise<ChildServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-fuzz-api-'));
  dataDirs.push(dataDir);
  serverDataDir = dataDir;
  return startChildServer(
    dataDir,
    // Retries far apart: a refused delivery is retried long after the suite ends. The fixture's webhook
    // points at a closed loopback port (the preload refuses every connection anyway), and the rate
    // limit is lifted so every case reaches its route instead of a 429.
    {
      LOG_LEVEL: 'info',
      UNLOAD_DELAY_MS: '100',
      WEBHOOK_RETRY_BASE_MS: '3600000',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      HTTP_WRITES_PER_MINUTE: '1000000',
      // Wrong current passwords sent to POST /me/password must not lock the owner out of signing in again.
      SIGN_IN_ATTEMPTS_PER_ACCOUNT: '1000000',
      SIGN_IN_ATTEMPTS_PER_ADDRESS: '1000000',
    },
    undefined,
    { imports: [noOutbound], startTimeoutMs: 90_000 },
  );
}

let serverDataDir = '';
// The operations are read from the running server's document before the tests are declared, one test each.
let server = await startFuzzServer();
const document = (await api<OpenApiDocument>(server.url, 'GET', '/api/openapi.json')).json;
const operations = operationsOf(document);
const sample = await api<Record<string, unknown>>(
  server.url,
  'GET',
  `/api/playbooks/${await createPlaybook(server.url, 'Ids', 'starter')}`,
);
/** The starter template's item ids, per section: the same in every playbook made from it. */
const itemIds = starterItemIds(sample.json);
const knownIds = [...new Set(Object.values(itemIds).flat())];
const timings: { ms: number; what: string }[] = [];

console.info(settings.describe(`${operations.length} documented operations`, boundedRuns));

beforeEach(async () => {
  // One operation that kills the server must not hide what the next one does.
  if (!server.alive()) server = await startFuzzServer();
  readFixture = undefined;
}, 120_000);

afterAll(async () => {
  timings.sort((a, b) => b.ms - a.ms);
  console.info(
    `[fuzz] slowest API cases:\n${timings
      .slice(0, 5)
      .map((t) => `  ${Math.round(t.ms)} ms  ${t.what}`)
      .join('\n')}`,
  );
  server.process.kill('SIGTERM');
  await server.exited;
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('every documented operation, given random and mutated requests', () => {
  for (const operation of operations) {
    it(
      `${operation.method} ${operation.path} never answers 500 and never breaks the server or the playbook`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fuzzRequests(operation, document, knownIds, settings.hugeChars), { minLength: 1, maxLength: 3 }),
            (requests) => runCase(operation, requests),
          ),
          settings.parameters(boundedRuns),
        );
      },
      caseBudgetMs(settings.runs(boundedRuns)),
    );
  }
});

interface Fixture {
  playbookId: string;
  webhookId: string;
  /** Ids of people-admin resources, made only for the operations whose path names them. */
  accounts: Partial<Record<'userId' | 'teamId' | 'tokenId' | 'invitationId' | 'sessionId', string>>;
}

/** A starter playbook with version 1 published and one webhook: something for every operation to act on. */
async function freshFixture(operation: Operation): Promise<Fixture> {
  const playbookId = await createPlaybook(server.url, 'Fuzz target', 'starter');
  const version = await api(server.url, 'POST', `/api/v1/playbooks/${playbookId}/versions`, { label: 'Baseline' });
  const published = await api(server.url, 'POST', `/api/v1/playbooks/${playbookId}/versions/1/publish`);
  const hook = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${playbookId}/webhooks`, {
    url: 'http://127.0.0.1:9/fuzz',
    events: ['version.published', 'version.created'],
  });
  if (version.status !== 201 || published.status !== 200 || hook.status !== 201) {
    throw new Error(`setting up the fixture failed: ${version.status} ${published.status} ${hook.status} ${hook.text}`);
  }
  return { playbookId, webhookId: hook.json.id, accounts: await accountFixture(operation) };
}

let fixtureCount = 0;

/** A member, a team, a token, an invitation or one of the owner's sessions, for the operation that acts on it. */
async function accountFixture(operation: Operation): Promise<Fixture['accounts']> {
  const needs = (name: string) => operation.pathParams.includes(name);
  const accounts: Fixture['accounts'] = {};
  fixtureCount += 1;
  const created = async (path: string, body: unknown) => {
    const res = await api<{ id: string }>(server.url, 'POST', path, body);
    if (res.status !== 201) throw new Error(`setting up the fixture: POST ${path} answered ${res.status}: ${res.text}`);
    return res.json.id;
  };
  if (needs('userId'))
    accounts.userId = await created('/api/v1/users', {
      email: `fuzz-${fixtureCount}-${Date.now()}@fullcourt.test`,
      name: 'Fuzz member',
      password: 'fuzz-member-password',
      role: 'member',
      teams: [],
    });
  if (needs('teamId')) accounts.teamId = await created('/api/v1/teams', { name: `Fuzz team ${fixtureCount}-${Date.now()}` });
  if (needs('tokenId')) accounts.tokenId = await created('/api/v1/tokens', { name: 'Fuzz token', scopes: ['read'] });
  if (needs('invitationId'))
    accounts.invitationId = await created('/api/v1/invitations', {
      email: `invited-${fixtureCount}-${Date.now()}@fullcourt.test`,
      role: 'viewer',
      teams: [],
    });
  if (needs('sessionId')) {
    const sessions = await api<{ items: { id: string }[] }>(server.url, 'GET', '/api/v1/me/sessions');
    accounts.sessionId = sessions.json.items[0]?.id;
  }
  return accounts;
}

/** Reads leave the fixture as they found it, so the cases of a GET share one; every other case gets its own. */
let readFixture: Fixture | undefined;

async function runCase(operation: Operation, requests: FuzzRequest[]): Promise<void> {
  const started = performance.now();
  // A case before may have ended the owner's session (sign out everywhere, a password change): sign in again.
  await signInOwner(server.url, serverDataDir);
  if (operation.method === 'GET') readFixture ??= await freshFixture(operation);
  const fixture = operation.method === 'GET' && readFixture ? readFixture : await freshFixture(operation);
  const firstLog = server.logs.length;
  const broken: string[] = [];
  for (const request of requests) {
    const target = requestTarget(operation, request, (name, op) => validValues(name, op, fixture));
    const answer = await send(operation.method, target, request);
    if (typeof answer === 'string') broken.push(`${operation.method} ${shorten(target)} got no answer: ${answer}`);
    else if (!isAcceptableResponse(answer.status, answer.body))
      broken.push(`${operation.method} ${shorten(target)} [${request.body.label}] answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  }
  await signInOwner(server.url, serverDataDir);
  // A deleted playbook waits in the trash: restored, it must load and read like any other.
  if (operation.method === 'DELETE' && operation.path === '/playbooks/{id}')
    await api(server.url, 'POST', `/api/v1/trash/${fixture.playbookId}/restore`);
  broken.push(...(await brokenInvariants(server, fixture.playbookId)));
  timings.push({
    ms: performance.now() - started,
    what: requests.map((r) => String((r as unknown as Record<symbol, () => string>)[fc.toStringMethod]?.())).join(' then '),
  });
  if (broken.length > 0) throw new Error(`${broken.join('\n')}${errorsLogged(server, firstLog)}`);
}

function validValues(name: string, operation: Operation, fixture: Fixture): readonly string[] {
  if (name === 'id') return [fixture.playbookId];
  if (name === 'webhookId') return [fixture.webhookId];
  if (name === 'number') return ['1', '2'];
  if (name in fixture.accounts) {
    const id = fixture.accounts[name as keyof Fixture['accounts']];
    return id ? [id] : [];
  }
  const section = operation.path.match(/^\/playbooks\/\{id\}\/(\w+)\/\{itemId\}$/)?.[1] ?? '';
  return itemIds[section] ?? [];
}

async function send(method: string, target: string, request: FuzzRequest): Promise<{ status: number; body: string } | string> {
  // Generous: a slow answer on a loaded machine is not a failure; only no answer at all is.
  const answer = await requestOnFreshConnection(`${server.url}${target}`, {
    method,
    headers: request.body.contentType ? { 'content-type': request.body.contentType } : {},
    body: request.body.text,
    timeoutMs: 120_000,
  });
  return typeof answer === 'string' && !server.alive() ? `${answer} (the server exited)` : answer;
}

function starterItemIds(playbook: Record<string, unknown>): Record<string, string[]> {
  const ids: Record<string, string[]> = {};
  for (const [section, value] of Object.entries(playbook)) {
    if (Array.isArray(value))
      ids[section] = value.map((item: { id?: string }) => item.id).filter((id): id is string => typeof id === 'string');
  }
  const periods = (playbook.metrics as { periods?: { id: string }[] } | undefined)?.periods ?? [];
  ids.metrics = periods.map((p) => p.id);
  return ids;
}

function shorten(text: string): string {
  return text.length > 160 ? `${text.slice(0, 160)}…(${text.length} chars)` : text;
}

/** Time for a property: generous per case (a loaded 2-core machine is slow, not broken), plus shrinking. */
function caseBudgetMs(runs: number): number {
  return 60_000 + runs * 20_000;
}
