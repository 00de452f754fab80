/**
 * REST reads of a published playbook (issue 5): requests/s and p99 under 20 connections
 * (autocannon), against a bare Hono handler that returns the same bytes in the same run;
 * plus the time to save a version of the large playbook and the bytes each checkpoint stores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyJSON, largePlaybook, starterTemplate } from '@fullcourt/playbook';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { createApiToken } from '../../apps/server/src/commands/apiTokens';
import { createVersion } from '../../apps/server/src/commands/versionCreator';
import { loadConfig } from '../../apps/server/src/config';
import { systemActor, userActor } from '../../apps/server/src/identity/actor';
import { createLogger } from '../../apps/server/src/logger';
import { startServer } from '../../apps/server/src/server';
import { ownerEnv } from '../../tests/integration/helpers/auth';
import { type BenchSuite, median } from '../suite';

const connections = 20;
const durationSeconds = 5;

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections, duration: durationSeconds, headers });
  return { requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

export default {
  name: 'rest-reads',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-bench-rest-'));
    const server = await startServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...ownerEnv }),
      createLogger('silent'),
      {
        webDist: '/nonexistent',
      },
    );
    const { services } = server;
    try {
      const fill = async (template: ReturnType<typeof starterTemplate>, title: string) => {
        const record = await services.storage.playbooks.create({ id: title.toLowerCase().replace(/\W+/g, '-'), title });
        await services.collab.documents.use(record.id, async (d) => {
          applyJSON(d.doc, { ...template, id: record.id, title });
          await d.persistence.flush();
        });
        return record.id;
      };
      const starterId = await fill(starterTemplate(), 'Starter');
      const largeId = await fill(largePlaybook(), 'Large');

      // Version creation: encode the Yjs state, build the canonical JSON, store both.
      const times: number[] = [];
      let largeVersion = await createVersion(services, systemActor, largeId, { label: 'warm-up' });
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        largeVersion = await createVersion(services, systemActor, largeId, { label: `v${i}` });
        times.push(performance.now() - started);
      }
      const starterVersion = await createVersion(services, systemActor, starterId, { label: 'checkpoint', kind: 'checkpoint' });
      const versionCreation = { largePlaybookMedianMs: +median(times).toFixed(1) };
      const bytesPerCheckpoint = {
        starter: await services.storage.versions.storedBytes(starterVersion.id),
        large: await services.storage.versions.storedBytes(largeVersion.id),
      };
      console.log(`version creation (large playbook): median ${versionCreation.largePlaybookMedianMs} ms over ${times.length} runs`);
      console.log(`bytes stored per checkpoint: starter ${bytesPerCheckpoint.starter}, large ${bytesPerCheckpoint.large}`);

      await services.storage.versions.publish(starterId, starterVersion.id, 'bench');
      const url = `${server.url}/api/v1/playbooks/${starterId}`;
      // Tools read with an API token: each read resolves it (a hash and an indexed lookup) and asks the policy.
      const [owner] = await services.storage.users.list();
      if (!owner) throw new Error('the bench server has no owner');
      const { secret: token } = await createApiToken(services, userActor(owner), { name: 'bench', scopes: ['read'], kind: 'personal' });
      const auth = { authorization: `Bearer ${token}` };
      const body = await (await fetch(url, { headers: auth })).text();

      // The peer: a bare Hono handler on @hono/node-server returning the same bytes.
      const bare = new Hono().get('/', (c) => c.body(body, 200, { 'Content-Type': 'application/json' }));
      const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((r) => bareServer.once('listening', r));
      const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/`;

      const fullcourt = await load(url, auth);
      const peer = await load(bareUrl);
      bareServer.close();
      const ratio = +(fullcourt.requestsPerSecond / peer.requestsPerSecond).toFixed(2);
      console.log(`published read (${body.length} bytes, ${connections} connections, ${durationSeconds} s each):`);
      console.log(`  fullcourt  ${fullcourt.requestsPerSecond} req/s  p99 ${fullcourt.p99Ms} ms`);
      console.log(`  bare hono  ${peer.requestsPerSecond} req/s  p99 ${peer.p99Ms} ms`);
      console.log(`  ratio      ${ratio} (target ≥ 0.5)`);
      return {
        bodyBytes: body.length,
        connections,
        durationSeconds,
        fullcourt,
        bareHono: peer,
        ratio,
        versionCreation,
        bytesPerCheckpoint,
      };
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
} satisfies BenchSuite;
