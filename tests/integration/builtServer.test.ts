import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, authedFetch, createPlaybook } from './helpers/api';
import { type ChildServer, startChildServer } from './helpers/childServer';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const serverDir = join(root, 'apps/server');

/**
 * `npm run serve` runs the compiled server (apps/server/scripts/build.mjs) on bare Node. It is built
 * here into a folder of its own beside dist/ (the same depth, which paths.ts relies on), so this
 * test neither needs nor disturbs a developer's build. What can break only in the build: files
 * found from import.meta.url (migrations, docs assets), bundled libraries (better-auth, Tiptap),
 * and chunks loaded on first use.
 */
describe('the compiled server', () => {
  const outdir = join(serverDir, `dist-test-${randomUUID().slice(0, 8)}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-built-'));
  let server: ChildServer;

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [join(serverDir, 'scripts/build.mjs'), outdir], { cwd: root });
    server = await startChildServer(dataDir, {}, undefined, { entry: join(outdir, 'main.js'), startTimeoutMs: 60_000 });
  }, 120_000);

  afterAll(async () => {
    server?.process.kill('SIGTERM');
    await server?.exited;
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the migrations and answers health', async () => {
    const res = await api<{ status: string }>(server.url, 'GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('ok');
  });

  it('signs the owner in through the bundled better-auth', async () => {
    expect(server.ownerCookie).toMatch(/session_token=/);
    const me = await api<{ email: string }>(server.url, 'GET', '/api/v1/me');
    expect(me.status).toBe(200);
  });

  it('writes and reads rich text, and exports Markdown and HTML', async () => {
    const id = await createPlaybook(server.url, 'Built playbook');
    const md = await authedFetch(`${server.url}/api/v1/playbooks/${id}/export?format=md&version=live`);
    expect(md.status).toBe(200);
    expect(await md.text()).toContain('# Built playbook');
    const html = await authedFetch(`${server.url}/api/v1/playbooks/${id}/export?format=html&version=live`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('<h1');
  });

  it('loads the rich-text code (Tiptap, ProseMirror) only on first use, not at boot', () => {
    // The files main.js imports statically, and theirs: what a fresh server evaluates.
    const atBoot = new Set<string>();
    const visit = (file: string) => {
      if (atBoot.has(file)) return;
      atBoot.add(file);
      const code = readFileSync(join(outdir, file), 'utf8');
      for (const [, imported] of code.matchAll(/\bimport[^"(]*"\.\/([\w.-]+\.js)"/g)) visit(imported as string);
    };
    visit('main.js');
    const tiptapFunction = 'yXmlFragmentToProseMirrorRootNode';
    expect([...atBoot].filter((file) => readFileSync(join(outdir, file), 'utf8').includes(tiptapFunction))).toEqual([]);
    expect(atBoot.has('editor-schema.js')).toBe(false);
    expect(readFileSync(join(outdir, 'editor-schema.js'), 'utf8')).toContain(tiptapFunction);
  });

  it('serves the API reference with its Swagger UI assets from node_modules', async () => {
    expect((await authedFetch(`${server.url}/api/docs`)).status).toBe(200);
    const bundle = await authedFetch(`${server.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it('logged no errors', () => {
    expect(server.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(server.stderr()).toBe('');
  });
});
