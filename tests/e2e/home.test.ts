import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerEnv } from '../integration/helpers/auth';
import { unnamedControls } from './helpers/accessibility';
import { chromiumAvailable, launchChromium, type Person, saveScreenshot } from './helpers/browser';
import { type E2eServer, startE2eServer } from './helpers/server';
import { EditorPage } from './pages/EditorPage';
import { HomePage } from './pages/HomePage';

describe.skipIf(!chromiumAvailable())('the home page in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let dee: Person;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    dee = await server.openPerson(browser, null);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks someone not signed in to sign in, and shows their playbooks once they have', async () => {
    const stranger = await browser.newContext();
    const page = await stranger.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sign in to Fullcourt' }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await saveScreenshot(page, 'sign-in');
    await page.getByLabel('Email').fill(ownerEnv.FULLCOURT_OWNER_EMAIL as string);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is wrong.').waitFor();
    await page.getByLabel('Password').fill(ownerEnv.FULLCOURT_OWNER_PASSWORD as string);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Playbooks' }).waitFor();
    await stranger.close();
    await new HomePage(dee.page).open(server.url);
    expect(dee.errors).toEqual([]);
  });

  it('creates a playbook from the starter template and opens it, then an empty one', async () => {
    const home = new HomePage(dee.page);
    const editor = new EditorPage(dee.page);
    await home.open(server.url);
    await home.createPlaybook('FY27 revenue playbook', 'Starter template');
    await editor.waitUntilConnected();
    await expect.poll(async () => (await editor.stageNames()).length).toBeGreaterThan(3);
    await expect.poll(() => editor.titleInput().inputValue()).toBe('FY27 revenue playbook');

    await home.open(server.url);
    await dee.page.getByRole('link', { name: 'FY27 revenue playbook', exact: true }).waitFor();
    await saveScreenshot(dee.page, 'home-list');
    await home.createPlaybook('Blank slate', 'Empty playbook');
    await editor.waitUntilConnected();
    await dee.page.getByText('No buyer stages yet.').waitFor();
    await editor.goToSection('Lead lifecycle & SLAs');
    await dee.page.getByRole('listitem', { name: 'Lifecycle state MQL' }).waitFor();
    expect(dee.errors).toEqual([]);
  });

  it('says so when a link points at a playbook that does not exist', async () => {
    await dee.page.goto(`${server.url}/playbooks/no-such-playbook/read`);
    await dee.page.getByRole('heading', { name: 'Playbook not found' }).waitFor();
    await dee.page.goto(`${server.url}/playbooks/no-such-playbook/stages`);
    await dee.page.getByRole('heading', { name: 'Playbook not found' }).waitFor();
    // The browser reports the refused WebSocket upgrade and the 404 itself; the app adds nothing.
    expect(dee.errors.filter((e) => !/WebSocket connection|404/.test(e))).toEqual([]);
  });
});
