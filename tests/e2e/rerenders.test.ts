import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, type Person } from './helpers/browser';
import { type E2eServer, startE2eServer } from './helpers/server';
import { EditorPage } from './pages/EditorPage';

const WEB_ROOT = fileURLToPath(new URL('../../apps/web', import.meta.url));
/** Long enough for the validator's debounce (200 ms) and its findings to land after the last key. */
const SETTLE_MS = 800;

/**
 * React's profiling build of the web app (its <Profiler> reports commits; the production build
 * that the other browser tests use ignores it), built into apps/web/dist-profiling.
 */
async function buildProfiling(): Promise<string> {
  const vitePackage = createRequire(join(WEB_ROOT, 'package.json')).resolve('vite/package.json');
  await promisify(execFile)(process.execPath, [join(dirname(vitePackage), 'bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: WEB_ROOT,
    env: { ...process.env, FULLCOURT_PROFILING: '1' },
  });
  return join(WEB_ROOT, 'dist-profiling');
}

/** Starts counting commits per card (RenderProbe ids such as `stage:<id>`) from zero. */
function startCounting(page: Page): Promise<void> {
  return page.evaluate(() => {
    (globalThis as unknown as { __fullcourtCommits: Record<string, number> }).__fullcourtCommits = {};
  });
}

function commits(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(globalThis as unknown as { __fullcourtCommits: Record<string, number> }).__fullcourtCommits }));
}

/** The cards (by probe id prefix) that committed, with how often. */
function committed(counts: Record<string, number>, prefix: string): string[] {
  return Object.keys(counts).filter((id) => id.startsWith(prefix) && (counts[id] ?? 0) > 0);
}

describe.skipIf(!chromiumAvailable())('what a keystroke re-renders, counted with the React Profiler in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let ed: Person;
  let playbookId: string;

  beforeAll(async () => {
    const webDist = await buildProfiling();
    [server, browser] = await Promise.all([startE2eServer({}, { webDist }), launchChromium()]);
    playbookId = await server.createPlaybook('Re-render playbook', 'starter');
    ed = await server.openPerson(browser, { name: 'Ed Ruscha', color: '#7c3aed' }, { viewport: { width: 1440, height: 900 } });
    await new EditorPage(ed.page).open(server.url, playbookId);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('re-renders only the stage whose name is typed into, not the other stage columns', async () => {
    const page = ed.page;
    const names = page.getByRole('list', { name: 'Buyer stages in order' }).getByRole('textbox', { name: 'Stage name' });
    expect(await names.count()).toBeGreaterThan(2);
    const second = names.nth(1);
    await second.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(SETTLE_MS);
    await startCounting(page);

    await page.keyboard.type('xyz', { delay: 50 });
    await page.waitForTimeout(SETTLE_MS);

    const counts = await commits(page);
    const stages = committed(counts, 'stage:');
    expect(stages, `stage columns that committed: ${JSON.stringify(counts)}`).toHaveLength(1);
    expect(counts[stages[0] as string]).toBeGreaterThanOrEqual(3);
    expect(await second.inputValue()).toMatch(/xyz$/);
    expect(ed.errors).toEqual([]);
  });

  it('re-renders only the lifecycle state being typed into, and no SLA card', async () => {
    const page = ed.page;
    await new EditorPage(page).goToSection('Lead lifecycle & SLAs');
    const definition = page
      .getByRole('listitem', { name: /^Lifecycle state / })
      .nth(1)
      .getByRole('textbox', { name: 'Definition' });
    await definition.click();
    await page.keyboard.press('End');
    await page.waitForTimeout(SETTLE_MS);
    await startCounting(page);

    await page.keyboard.type(' and so on', { delay: 30 });
    await page.waitForTimeout(SETTLE_MS);

    const counts = await commits(page);
    expect(committed(counts, 'lead-state:'), JSON.stringify(counts)).toHaveLength(1);
    expect(committed(counts, 'sla:'), JSON.stringify(counts)).toEqual([]);
    expect(ed.errors).toEqual([]);
  });
});
