import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Screenshots land here (git-ignored), for a person to look at after a run. */
export const ARTIFACTS_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../test-artifacts');

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a message on a laptop,
 * but under CI=true a missing browser is a failure: CI installs it, so its absence is a broken setup.
 */
export function chromiumAvailable(): boolean {
  const available = existsSync(CHROMIUM_PATH);
  if (!available && process.env.CI === 'true') {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}; CI must install it (apt-get install -y chromium).`);
  }
  if (!available) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).`);
  return available;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/** A person at their own laptop: a browser context with their name remembered and their console watched. */
export interface Person {
  name: string;
  context: BrowserContext;
  /** The person's current tab; replaced by reopenPage. */
  page: Page;
  /** Console errors and uncaught exceptions seen so far; a test asserts there are none. */
  errors: string[];
}

/** Opens a browser context for someone; with `identity: null` they have not introduced themselves yet. */
export async function openPerson(
  browser: Browser,
  identity: { name: string; color: string } | null,
  viewport = { width: 1280, height: 720 },
): Promise<Person> {
  const context = await browser.newContext({ viewport });
  if (identity === null) {
    const person: Person = { name: '', context, page: await context.newPage(), errors: [] };
    watchConsole(person);
    return person;
  }
  await context.addInitScript((stored) => {
    // Runs in the page; the test program is typed without the DOM library.
    const storage = (
      globalThis as unknown as { localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } }
    ).localStorage;
    if (!storage.getItem('fullcourt.identity')) storage.setItem('fullcourt.identity', stored);
  }, JSON.stringify(identity));
  const person: Person = { name: identity.name, context, page: await context.newPage(), errors: [] };
  watchConsole(person);
  return person;
}

/** Replaces the person's page with a fresh one in the same browser context (same storage), as a reload after closing would. */
export async function reopenPage(person: Person): Promise<Page> {
  await person.page.close();
  person.page = await person.context.newPage();
  watchConsole(person);
  return person.page;
}

function watchConsole(person: Person): void {
  // A step that waits longer than this is stuck; fail it with its locator rather than at the test timeout.
  person.page.setDefaultTimeout(10_000);
  person.page.on('console', (message) => {
    if (message.type() === 'error') person.errors.push(message.text());
  });
  person.page.on('pageerror', (error) => person.errors.push(error.message));
}

/** How many updates the page has saved to its IndexedDB copy of a playbook (y-indexeddb's store). */
export function savedUpdateCount(page: Page, playbookId: string): Promise<number> {
  // A string, so the test program (typed without the DOM library) need not describe IndexedDB.
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open(${JSON.stringify(`fullcourt-playbook-${playbookId}`)});
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const count = db.transaction('updates', 'readonly').objectStore('updates').count();
      count.onsuccess = () => { resolve(count.result); db.close(); };
      count.onerror = () => reject(count.error);
    };
  })`);
}

/** Saves a screenshot under test-artifacts/ and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
