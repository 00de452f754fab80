/**
 * Browser load (issue: the web app): a large playbook (50 stages, 500 assets) opened in headless
 * Chromium, cold (nothing on the device) and warm (the IndexedDB copy from the previous visit):
 * time to the editor's first render and to the first sync with the server, both read from the
 * app's own performance marks; plus the gzipped JavaScript each route actually loads.
 * Targets: synced under 1 s; editor route under 400 KB and reader route under 200 KB gzipped.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { applyJSON, LARGE_PLAYBOOK, largePlaybook, PlaybookDoc } from '@fullcourt/playbook';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WebsocketProvider } from 'y-websocket';
import type { BenchSuite } from '../../../bench/suite';
import { median, round } from '../../../bench/suite';
import { launchChromium } from '../../../tests/e2e/helpers/browser';
import { owner, ownerEnv, signIn } from '../../../tests/integration/helpers/auth';
import { webSocketWith } from '../../../tests/integration/helpers/providers';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { startServer } from '../../server/src/server';

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const TARGETS = { syncedMs: 1_000, editorKb: 400, readerKb: 200 };

/** Builds the production bundle with the web app's own Vite, as `npm start` does. */
export async function buildWeb(): Promise<void> {
  const vitePackage = createRequire(join(WEB_ROOT, 'package.json')).resolve('vite/package.json');
  await promisify(execFile)(process.execPath, [join(dirname(vitePackage), 'bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: WEB_ROOT,
  });
}

/** Creates the playbook through the API and fills it as any client would: applyJSON through a y-websocket provider. */
export async function createLargePlaybook(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/playbooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ title: 'Large playbook', template: 'empty' }),
  });
  if (res.status !== 201) throw new Error(`creating the playbook answered ${res.status}`);
  const { id } = (await res.json()) as { id: string };
  const doc = new PlaybookDoc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, id, doc.ydoc, {
    WebSocketPolyfill: webSocketWith({ cookie }),
    disableBc: true,
  });
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    applyJSON(doc, { ...largePlaybook(), title: 'Large playbook' });
    // The server has it once its live JSON shows every stage.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const live = (await (await fetch(`${baseUrl}/api/playbooks/${id}?version=live`, { headers: { cookie } })).json()) as {
        stages: unknown[];
      };
      if (live.stages.length === LARGE_PLAYBOOK.stages) break;
      if (Date.now() > deadline) throw new Error('the large playbook did not reach the server');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    provider.destroy();
    doc.ydoc.destroy();
  }
  return id;
}

/** Puts the owner's session cookie in a browser context, as signing in would. */
export async function signInContext(context: BrowserContext, url: string, cookie: string): Promise<void> {
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name as string, value: value.join('='), url: new URL(url).origin }]);
}

/** Reads one of the app's performance marks, in ms since navigation started. */
export function mark(page: Page, name: string, timeout = 30_000): Promise<number> {
  return page
    .waitForFunction(`performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime ?? false`, undefined, { timeout })
    .then((handle) => handle.jsonValue() as Promise<number>);
}

interface Load {
  firstRenderMs: number;
  syncedMs: number;
  /** Until all 50 stage columns are on screen. */
  stagesShownMs: number;
}

/** The stage columns, found by the list's accessible name: CSS Modules rename the class names. */
const STAGE_COLUMNS = 'ol[aria-label="Buyer stages in order"] > li';

async function openEditor(page: Page, url: string): Promise<Load> {
  await page.goto(url);
  const [firstRenderMs, syncedMs] = await Promise.all([mark(page, 'fullcourt:editor-rendered'), mark(page, 'fullcourt:synced')]);
  await page.waitForFunction(`document.querySelectorAll(${JSON.stringify(STAGE_COLUMNS)}).length >= ${LARGE_PLAYBOOK.stages}`, undefined, {
    timeout: 30_000,
  });
  const stagesShownMs = (await page.evaluate('performance.now()')) as number;
  return { firstRenderMs, syncedMs, stagesShownMs };
}

/** The JavaScript a route loads, gzipped: what a person on a slow link waits for. */
async function routeJavaScript(browser: Browser, url: string, ready: string, cookie: string): Promise<{ kb: number; files: string[] }> {
  // bypassCSP: the harness's page predicates are strings Playwright evaluates, which the app's CSP refuses.
  const context = await browser.newContext({ bypassCSP: true });
  await signInContext(context, url, cookie);
  const page = await context.newPage();
  const bodies: Promise<{ name: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(
      response.body().then((body) => ({ name: new URL(response.url()).pathname.split('/').pop() ?? '', bytes: gzipSync(body).length })),
    );
  });
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  await context.close();
  return { kb: round(files.reduce((sum, f) => sum + f.bytes, 0) / 1024, 1), files: files.map((f) => f.name).sort() };
}

export default {
  name: 'browser-load',
  async run() {
    await buildWeb();
    const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-bench-browser-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...ownerEnv });
    const server = await startServer(config, createLogger('silent'), { webDist: join(WEB_ROOT, 'dist') });
    const browser = await launchChromium();
    try {
      const cookie = await signIn(server.url, owner.email, owner.password);
      const id = await createLargePlaybook(server.url, cookie);
      const editorUrl = `${server.url}/playbooks/${id}/stages`;
      const cold: Load[] = [];
      const warm: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A fresh context is a device that has never opened the playbook; the second visit finds its IndexedDB copy.
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
        await signInContext(context, server.url, cookie);
        const page = await context.newPage();
        cold.push(await openEditor(page, editorUrl));
        warm.push(await openEditor(page, editorUrl));
        await context.close();
      }
      const summary = (loads: Load[]) => ({
        firstRenderMs: round(median(loads.map((l) => l.firstRenderMs)), 0),
        syncedMs: round(median(loads.map((l) => l.syncedMs)), 0),
        stagesShownMs: round(median(loads.map((l) => l.stagesShownMs)), 0),
      });
      const routes = {
        home: await routeJavaScript(browser, `${server.url}/`, 'h1', cookie),
        editor: await routeJavaScript(browser, editorUrl, STAGE_COLUMNS, cookie),
        reader: await routeJavaScript(browser, `${server.url}/playbooks/${id}/read`, 'main article', cookie),
        workshop: await routeJavaScript(browser, `${server.url}/playbooks/${id}/workshop/stages`, STAGE_COLUMNS, cookie),
      };
      const result = {
        playbook: { stages: LARGE_PLAYBOOK.stages, assets: LARGE_PLAYBOOK.assets },
        runs: RUNS,
        cold: summary(cold),
        warm: summary(warm),
        routeGzipKb: Object.fromEntries(Object.entries(routes).map(([name, r]) => [name, r.kb])),
        routeFiles: Object.fromEntries(Object.entries(routes).map(([name, r]) => [name, r.files])),
        targets: TARGETS,
        meetsTargets: {
          synced: summary(cold).syncedMs < TARGETS.syncedMs,
          editorBundle: routes.editor.kb < TARGETS.editorKb,
          readerBundle: routes.reader.kb < TARGETS.readerKb,
        },
      };
      console.log('load (median ms)      first render  synced  50 stages shown');
      for (const [name, s] of [['cold (new device)', result.cold] as const, ['warm (IndexedDB)', result.warm] as const]) {
        console.log(
          `${name.padEnd(22)}${String(s.firstRenderMs).padStart(12)}${String(s.syncedMs).padStart(8)}${String(s.stagesShownMs).padStart(17)}`,
        );
      }
      console.log(
        'route JS (gzip KB)    ',
        Object.entries(result.routeGzipKb)
          .map(([n, kb]) => `${n} ${kb}`)
          .join(' · '),
      );
      return result;
    } finally {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
} satisfies BenchSuite;
