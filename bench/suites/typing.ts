/**
 * Typing (issue 10, goal 5): key event durations while typing into a stage name, in the starter
 * playbook and in the large one (50 stages, 500 assets), measured in one run with the browser's
 * Event Timing API (PerformanceObserver type 'event', durationThreshold 16). A second person types
 * into a lifecycle state's definition through a y-websocket provider the whole time, with
 * presence on. The typist pauses between words, as people do, so the validator's runs (after a
 * 200 ms pause) land between keys as they would in real use.
 * Goals: large p95 at most 1.25× the starter's, and no key event over 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlaybookDoc } from '@fullcourt/playbook';
import type { Browser, Page } from 'playwright-core';
import { WebsocketProvider } from 'y-websocket';
import { loadConfig } from '../../apps/server/src/config';
import { createLogger } from '../../apps/server/src/logger';
import { startServer } from '../../apps/server/src/server';
import { buildWeb, createLargePlaybook, mark, signInContext } from '../../apps/web/bench/browserLoad';
import { launchChromium } from '../../tests/e2e/helpers/browser';
import { owner, ownerEnv, signIn } from '../../tests/integration/helpers/auth';
import { webSocketWith } from '../../tests/integration/helpers/providers';
import { type BenchSuite, percentile, round } from '../suite';

const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
/** Rounds per playbook, alternating starter and large so that load on the shared machine hits both alike. */
const ROUNDS = 3;
const WORDS = ['pipeline', 'review', 'with', 'the', 'buying', 'committee', 'before', 'pricing'];
const KEY_DELAY_MS = 90;
const WORD_PAUSE_MS = 350;
/** Chromium reports no event faster than this; an unreported key press counts as this long (an upper bound). */
const THRESHOLD_MS = 16;
const GOALS = { p95Ratio: 1.25, maxMs: 50 };
/** FULLCOURT_TYPING_DIAGNOSE=1 prints, for each key event over 50 ms, its phases and the long animation frames around it (with their scripts). */
const DIAGNOSE = process.env.FULLCOURT_TYPING_DIAGNOSE === '1';

interface Round {
  keys: number;
  /** The longest event of each reported key press (interactionId), in ms. */
  reported: number[];
}

/** Someone else in the playbook, typing into the first lifecycle state's definition all along. */
function startSecondTypist(baseUrl: string, playbookId: string, cookie: string): { stop(): void } {
  const doc = new PlaybookDoc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, playbookId, doc.ydoc, {
    WebSocketPolyfill: webSocketWith({ cookie }),
    disableBc: true,
  });
  provider.awareness.setLocalState({ user: { name: 'Second Typist', color: '#b91c1c' }, mode: 'editor', section: 'lifecycle' });
  let typed = 0;
  const timer = setInterval(() => {
    const id = doc.lifecycle.ids()[0];
    if (!provider.synced || !id) return;
    const text = doc.lifecycle.text(id, 'definition');
    // Keep the field short: type a sentence, then clear it and start again.
    doc.transact(() => {
      if (text.length > 200) text.delete(0, text.length);
      text.insert(text.length, 'abcdefghij '[typed % 11] as string);
    });
    typed += 1;
  }, 120);
  return {
    stop() {
      clearInterval(timer);
      provider.destroy();
      doc.ydoc.destroy();
    },
  };
}

/** Collects key event timings from now on (`window.__keyEvents`). */
async function observeKeyEvents(page: Page): Promise<void> {
  // A string: this runs in the page, and the bench is type-checked without the DOM's types.
  await page.evaluate(`(() => {
    const store = [];
    window.__keyEvents = store;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name.startsWith('key')) store.push({ name: entry.name, duration: entry.duration, interactionId: entry.interactionId ?? 0, start: entry.startTime, processingStart: entry.processingStart, processingEnd: entry.processingEnd });
      }
    }).observe({ type: 'event', durationThreshold: ${THRESHOLD_MS} });
    const frames = [];
    window.__frames = frames;
    if (${DIAGNOSE}) new PerformanceObserver((list) => {
      for (const f of list.getEntries()) frames.push({ start: f.startTime, duration: f.duration, renderStart: f.renderStart, styleAndLayoutStart: f.styleAndLayoutStart, blocking: f.blockingDuration,
        scripts: f.scripts.map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, url: s.sourceURL.split('/').pop(), start: s.startTime, duration: s.duration, forcedLayout: s.forcedStyleAndLayoutDuration })) });
    }).observe({ type: 'long-animation-frame' });
  })()`);
}

interface KeyEvent {
  name: string;
  duration: number;
  interactionId: number;
  start: number;
  processingStart: number;
  processingEnd: number;
}

/** Splits each slow key event into input delay, handlers and presentation, beside the long animation frames it overlaps. */
function diagnose(events: KeyEvent[], frames: unknown[]): void {
  for (const e of events) {
    if (e.duration <= GOALS.maxMs) continue;
    const end = e.start + e.duration;
    console.log(
      `${e.name} ${round(e.duration, 0)} ms: input delay ${round(e.processingStart - e.start, 1)}, handlers ${round(e.processingEnd - e.processingStart, 1)}, presentation ${round(end - e.processingEnd, 1)}`,
    );
    for (const f of frames as { start: number; duration: number }[]) {
      if (f.start < end && f.start + f.duration > e.start - 50)
        console.log(`  frame at ${round(f.start - e.start, 1)}: ${JSON.stringify(f)}`);
    }
  }
}

async function typeIntoStageName(page: Page): Promise<Round> {
  const name = page.getByRole('list', { name: 'Buyer stages in order' }).getByRole('textbox', { name: 'Stage name' }).nth(1);
  await name.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(500);
  await observeKeyEvents(page);
  let keys = 0;
  for (const word of WORDS) {
    await page.keyboard.type(` ${word}`, { delay: KEY_DELAY_MS });
    keys += word.length + 1;
    await page.waitForTimeout(WORD_PAUSE_MS);
  }
  await page.waitForTimeout(500); // the last entries are reported after the next frames
  const events = (await page.evaluate('window.__keyEvents')) as KeyEvent[];
  if (DIAGNOSE) diagnose(events, (await page.evaluate('window.__frames')) as unknown[]);
  const byInteraction = new Map<number, number>();
  events.forEach((e, i) => {
    const key = e.interactionId || -1 - i;
    byInteraction.set(key, Math.max(byInteraction.get(key) ?? 0, e.duration));
  });
  return { keys, reported: [...byInteraction.values()] };
}

async function openEditor(browser: Browser, baseUrl: string, playbookId: string, cookie: string): Promise<Page> {
  // bypassCSP: the harness's own page scripts (the marks it waits for) are evaluated strings.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await signInContext(context, baseUrl, cookie);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/playbooks/${playbookId}/stages`);
  await mark(page, 'fullcourt:synced');
  await page.getByRole('list', { name: 'Buyer stages in order' }).getByRole('textbox', { name: 'Stage name' }).nth(1).waitFor();
  await page.waitForTimeout(1_000);
  return page;
}

function summarise(rounds: Round[]) {
  const keys = rounds.reduce((n, r) => n + r.keys, 0);
  const reported = rounds.flatMap((r) => r.reported);
  // Key presses Chromium did not report took under the threshold: count them at the threshold.
  const all = [...reported, ...Array.from({ length: Math.max(0, keys - reported.length) }, () => THRESHOLD_MS)];
  return {
    keys,
    reportedOverThreshold: reported.length,
    p50Ms: round(percentile(all, 50), 1),
    p95Ms: round(percentile(all, 95), 1),
    maxMs: round(Math.max(...all), 1),
    over50Ms: reported.filter((d) => d > GOALS.maxMs).length,
  };
}

export default {
  name: 'typing',
  async run() {
    await buildWeb();
    const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-bench-typing-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...ownerEnv });
    const server = await startServer(config, createLogger('silent'), { webDist: WEB_DIST });
    const browser = await launchChromium();
    try {
      const cookie = await signIn(server.url, owner.email, owner.password);
      const created = await fetch(`${server.url}/api/playbooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ title: 'Starter playbook', template: 'starter' }),
      });
      const starterId = ((await created.json()) as { id: string }).id;
      const largeId = await createLargePlaybook(server.url, cookie);
      const playbooks = { starter: starterId, large: largeId };
      const rounds: Record<keyof typeof playbooks, Round[]> = { starter: [], large: [] };
      const pages = {
        starter: await openEditor(browser, server.url, starterId, cookie),
        large: await openEditor(browser, server.url, largeId, cookie),
      };
      for (let i = 0; i < ROUNDS; i++) {
        for (const name of ['starter', 'large'] as const) {
          const second = startSecondTypist(server.url, playbooks[name], cookie);
          try {
            await pages[name].bringToFront();
            const trace = DIAGNOSE && name === 'large' && i === 0;
            if (trace)
              await browser.startTracing(pages[name], {
                path: join(tmpdir(), 'fullcourt-typing-trace.json'),
                categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'gpu', 'viz', 'benchmark'],
              });
            rounds[name].push(await typeIntoStageName(pages[name]));
            if (trace) await browser.stopTracing();
          } finally {
            second.stop();
          }
        }
      }
      const starter = summarise(rounds.starter);
      const large = summarise(rounds.large);
      const p95Ratio = round(large.p95Ms / starter.p95Ms, 2);
      console.log('key events (ms)   keys  >16ms    p50    p95    max  >50ms');
      for (const [name, s] of [['starter', starter] as const, ['large', large] as const]) {
        console.log(
          `${name.padEnd(16)}${String(s.keys).padStart(6)}${String(s.reportedOverThreshold).padStart(7)}${String(s.p50Ms).padStart(7)}${String(s.p95Ms).padStart(7)}${String(s.maxMs).padStart(7)}${String(s.over50Ms).padStart(7)}`,
        );
      }
      console.log(
        `large p95 / starter p95: ${p95Ratio} (goal ≤ ${GOALS.p95Ratio}); key events over ${GOALS.maxMs} ms: starter ${starter.over50Ms}, large ${large.over50Ms} (goal: none)`,
      );
      return {
        playbook: 'large: 50 stages, 500 assets; starter template',
        thresholdMs: THRESHOLD_MS,
        rounds: ROUNDS,
        starter,
        large,
        p95Ratio,
        goals: GOALS,
        meetsGoals: { p95Ratio: p95Ratio <= GOALS.p95Ratio, maxMs: large.maxMs <= GOALS.maxMs && starter.maxMs <= GOALS.maxMs },
      };
    } finally {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
} satisfies BenchSuite;
