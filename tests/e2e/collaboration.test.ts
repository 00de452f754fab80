import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, type Person, reopenPage, savedUpdateCount, saveScreenshot } from './helpers/browser';
import { type E2eServer, startE2eServer } from './helpers/server';
import { EditorPage } from './pages/EditorPage';
import { ReaderPage } from './pages/ReaderPage';
import { WorkshopPage } from './pages/WorkshopPage';

/** "Within a second": how long a peer may take to see a change. */
const LIVE = { timeout: 1_000, interval: 25 };
const SOON = { timeout: 5_000, interval: 50 };

const locationOf = (person: Person) =>
  person.page.evaluate(() => (globalThis as unknown as { location: { pathname: string; hash: string } }).location);

describe.skipIf(!chromiumAvailable())('two people editing one playbook in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let ada: Person;
  let bo: Person;
  let playbookId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    playbookId = await server.createPlaybook('Workshop playbook', 'starter');
    ada = await server.openPerson(browser, { name: 'Ada Lovelace', color: '#1d4ed8' });
    bo = await server.openPerson(browser, { name: 'Bo Diddley', color: '#b91c1c' });
    await Promise.all([new EditorPage(ada.page).open(server.url, playbookId), new EditorPage(bo.page).open(server.url, playbookId)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a stage one person adds, and the notes they type with their caret name, to the other within a second', async () => {
    const adaEditor = new EditorPage(ada.page);
    const boEditor = new EditorPage(bo.page);

    await adaEditor.addStage('Pilot');
    await boEditor.stage('Pilot').waitFor({ timeout: LIVE.timeout });

    await adaEditor.stageNotes('Pilot').click();
    await ada.page.keyboard.type('Run a two-week pilot');
    // Editors start when their stage is on screen: Bo looks at the new stage.
    await boEditor.stage('Pilot').scrollIntoViewIfNeeded();
    await expect.poll(() => boEditor.stageNotes('Pilot').textContent(), LIVE).toContain('Run a two-week pilot');
    await expect.poll(() => boEditor.caretLabels(boEditor.stageNotes('Pilot')).allTextContents(), LIVE).toContain('Ada Lovelace');
    await expect.poll(() => boEditor.avatar('Ada Lovelace').getAttribute('aria-label'), LIVE).toBe('Ada Lovelace, editing Buyer stages');

    await saveScreenshot(bo.page, 'editor-stages');
    expect(ada.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });

  it('updates the SLA sentence the other person reads when one edits the SLA through its inputs', async () => {
    const adaEditor = new EditorPage(ada.page);
    const boEditor = new EditorPage(bo.page);
    await Promise.all([adaEditor.goToSection('Lead lifecycle & SLAs'), boEditor.goToSection('Lead lifecycle & SLAs')]);

    await adaEditor.setSlaDuration('SLA MQL → SAL', 'Response time', 2, 'hours');
    await expect.poll(() => boEditor.slaSentence('SLA MQL → SAL').textContent(), LIVE).toContain('within 2 business hours');

    await saveScreenshot(bo.page, 'editor-slas');
    expect(ada.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });

  it('shows the changes in reader mode, where search finds the new notes and jumps to them', async () => {
    const reader = new ReaderPage(bo.page);
    await reader.open(server.url, playbookId);
    await reader.contents().getByRole('link', { name: 'Pilot', exact: true }).waitFor();
    await reader.article().getByText('within 2 business hours').first().waitFor();

    const results = await reader.search('two-week pilot');
    await results.getByRole('button', { name: /Pilot/ }).click();
    await expect.poll(async () => (await locationOf(bo)).hash, SOON).toMatch(/^#stage-/);

    await saveScreenshot(bo.page, 'reader');
    expect(bo.errors).toEqual([]);
  });

  it('keeps the reader current while someone edits, over one pushed stream and without polling', async () => {
    const reader = new ReaderPage(bo.page);
    const requests: string[] = [];
    const onRequest = (request: { url(): string }) => requests.push(new URL(request.url()).pathname + new URL(request.url()).search);
    bo.page.on('request', onRequest);
    const adaEditor = new EditorPage(ada.page);
    await adaEditor.goToSection('Buyer stages');
    await adaEditor.stage('Pilot').scrollIntoViewIfNeeded();
    await adaEditor.stage('Pilot').getByRole('textbox', { name: "Buyer's goal" }).fill('Agree the pilot scope');
    await reader.article().getByText('Agree the pilot scope').first().waitFor({ timeout: SOON.timeout });
    await expect.poll(() => bo.page.getByRole('status', { name: 'Freshness' }).textContent(), SOON).toBe('Up to date');
    // The page used to ask every 2 s; now it waits for the server to push.
    await bo.page.waitForTimeout(3_000);
    bo.page.off('request', onRequest);
    expect(requests.filter((url) => url.startsWith('/api/'))).toEqual([]);

    // Cleared again (the undo test below expects an empty goal), which the reader follows too.
    await adaEditor.stage('Pilot').getByRole('textbox', { name: "Buyer's goal" }).fill('');
    await reader.article().getByText('Agree the pilot scope').first().waitFor({ state: 'detached', timeout: SOON.timeout });
    expect(bo.errors).toEqual([]);
  });

  it('keeps everything after a reload', async () => {
    await ada.page.reload();
    const adaEditor = new EditorPage(ada.page);
    await adaEditor.waitUntilConnected();
    await adaEditor.goToSection('Buyer stages');
    await adaEditor.stage('Pilot').scrollIntoViewIfNeeded();
    await expect.poll(() => adaEditor.stageNotes('Pilot').textContent(), SOON).toContain('Run a two-week pilot');
    expect(ada.errors).toEqual([]);
  });

  it("undoes only the undoing person's own change, never the other's", async () => {
    const adaEditor = new EditorPage(ada.page);
    const boEditor = new EditorPage(bo.page);
    await boEditor.open(server.url, playbookId);
    await Promise.all([adaEditor.stage('Pilot').scrollIntoViewIfNeeded(), boEditor.stage('Pilot').scrollIntoViewIfNeeded()]);

    await adaEditor.stage('Pilot').getByRole('textbox', { name: "Buyer's goal" }).fill('Prove value in two weeks');
    await boEditor.stage('Pilot').getByRole('button', { name: '+ Add exit signal' }).click();
    await bo.page.keyboard.type('Pilot signed');
    await expect
      .poll(() => adaEditor.stage('Pilot').getByRole('textbox', { name: 'Exit signal 1' }).inputValue(), SOON)
      .toBe('Pilot signed');
    await expect
      .poll(() => boEditor.stage('Pilot').getByRole('textbox', { name: "Buyer's goal" }).inputValue(), SOON)
      .toBe('Prove value in two weeks');

    await ada.page.getByRole('button', { name: 'Undo' }).click();
    for (const editor of [adaEditor, boEditor]) {
      await expect.poll(() => editor.stage('Pilot').getByRole('textbox', { name: "Buyer's goal" }).inputValue(), SOON).toBe('');
      expect(await editor.stage('Pilot').getByRole('textbox', { name: 'Exit signal 1' }).inputValue()).toBe('Pilot signed');
    }
    expect(ada.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });

  it('pages the workshop from the keyboard and takes a follower along with the presenter', async () => {
    const workshop = new WorkshopPage(ada.page);
    const boEditor = new EditorPage(bo.page);
    await Promise.all([workshop.open(server.url, playbookId, 'stages'), boEditor.open(server.url, playbookId, 'content')]);

    await workshop.presentToggle().check();
    await boEditor.page.getByRole('checkbox', { name: 'Follow Ada Lovelace' }).check();
    await expect.poll(async () => (await locationOf(bo)).pathname, SOON).toBe(`/playbooks/${playbookId}/stages`);

    await ada.page.getByRole('heading', { level: 2, name: 'Buyer stages' }).click(); // focus outside any field
    await ada.page.keyboard.press('PageDown');
    await ada.page.getByRole('heading', { level: 2, name: 'Lead lifecycle & SLAs' }).waitFor();
    await expect.poll(async () => (await locationOf(bo)).pathname, SOON).toBe(`/playbooks/${playbookId}/lifecycle`);
    await workshop.findings().getByRole('listitem').first().waitFor();

    await saveScreenshot(ada.page, 'workshop');
    await workshop.presentToggle().uncheck();
    expect(ada.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });

  it('keeps edits made offline on the device, through a reload, and merges them with the others on reconnecting', async () => {
    let adaEditor = new EditorPage(ada.page);
    const boEditor = new EditorPage(bo.page);
    await Promise.all([adaEditor.open(server.url, playbookId), boEditor.open(server.url, playbookId)]);
    const savedBefore = await savedUpdateCount(ada.page, playbookId);

    await ada.context.setOffline(true);
    await adaEditor
      .connection()
      .getByText(/Offline/)
      .waitFor();
    await adaEditor.addStage('Offline idea');
    await boEditor.addStage('Online idea');
    await expect.poll(() => savedUpdateCount(ada.page, playbookId), SOON).toBeGreaterThan(savedBefore);
    expect(await boEditor.stageNames()).not.toContain('Offline idea');

    // Close the tab with the edit on this device only, then come back online and open the playbook again.
    await reopenPage(ada);
    await ada.context.setOffline(false);
    adaEditor = new EditorPage(ada.page);
    await adaEditor.open(server.url, playbookId);

    await expect.poll(() => adaEditor.stageNames(), SOON).toEqual(expect.arrayContaining(['Offline idea', 'Online idea', 'Pilot']));
    await expect.poll(() => boEditor.stageNames(), SOON).toEqual(expect.arrayContaining(['Offline idea', 'Online idea', 'Pilot']));
    expect(ada.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });
});
