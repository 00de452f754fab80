import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createPlaybook } from './helpers/api';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';
import { allowLoopbackReceivers } from './helpers/webhookReceiver';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Spec = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

let server: TestServer;
let spec: Spec;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer(allowLoopbackReceivers);
  const playbook = await createPlaybook(server.url);
  await api(server.url, 'POST', `/api/v1/playbooks/${playbook}/versions`, { label: 'One' });
  await api(server.url, 'POST', `/api/v1/playbooks/${playbook}/versions/1/publish`);
  const hook = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${playbook}/webhooks`, { url: 'http://127.0.0.1:9/x' });
  const live = await api<Record<string, { id: string }[]>>(server.url, 'GET', `/api/playbooks/${playbook}`);
  ids = { id: playbook, number: '1', webhookId: hook.json.id };
  // One real item per section, so /{section}/{itemId} can be called for each.
  for (const section of ['stages', 'lifecycle', 'slas', 'content', 'personas', 'roles', 'responsibilities', 'pages'])
    ids[section] = (live.json[section]?.[0]?.id as string) ?? '';
  ids.metrics = (live.json.metrics as unknown as { periods: { id: string }[] }).periods[0]?.id ?? '';
  spec = (await api<Spec>(server.url, 'GET', '/api/openapi.json')).json;
});
afterAll(closeAllTestServers);

describe('the OpenAPI description', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(spec as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(spec.openapi).toBe('3.1.0');
  });

  it('documents the routes tools need', () => {
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/playbooks',
        '/playbooks/{id}',
        '/playbooks/{id}/stages',
        '/playbooks/{id}/slas/{itemId}',
        '/playbooks/{id}/versions',
        '/playbooks/{id}/versions/{number}/publish',
        '/playbooks/{id}/diff',
        '/playbooks/{id}/export',
        '/playbooks/{id}/webhooks',
      ]),
    );
  });

  it('answers every documented GET as documented, with bodies that match their schemas', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const [name, schema] of Object.entries(spec.components.schemas)) ajv.addSchema(schema as object, `#/components/schemas/${name}`);
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      const operation = operations.get;
      if (!operation) continue;
      const section = path.match(/^\/playbooks\/\{id\}\/(\w+)\/\{itemId\}$/)?.[1];
      const url = path.replace(/\{(\w+)\}/g, (_m, param: string) =>
        param === 'itemId' && section ? (ids[section] as string) : (ids[param] as string),
      );
      const res = await api<unknown>(server.url, 'GET', `/api/v1${url}`);
      expect(Object.keys(operation.responses), `${path} answered ${res.status}`).toContain(String(res.status));
      const schema = operation.responses[String(res.status)]?.content?.['application/json']?.schema;
      if (schema && res.json !== undefined) {
        const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/components/schemas/')));
        expect(validate(res.json), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
      checked.push(path);
    }
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  it('serves an interactive reference page', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs/init.js');
    expect(await (await fetch(`${server.url}/api/docs/init.js`)).text()).toContain('/api/openapi.json');
    const script = await fetch(`${server.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(script.status).toBe(200);
  });
});
