import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, openPerson, type Person, saveScreenshot } from './helpers/browser';
import { type E2eServer, startE2eServer } from './helpers/server';
import { EditorPage } from './pages/EditorPage';

const LIVE = { timeout: 1_000, interval: 25 };

describe.skipIf(!chromiumAvailable())('two people editing one playbook', () => {
  let server: E2eServer;
  let browser: Browser;
  let ada: Person;
  let bo: Person;
  let playbookId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    playbookId = await server.createPlaybook('Workshop playbook', 'starter');
    ada = await openPerson(browser, { name: 'Ada Lovelace', color: '#1d4ed8' });
    bo = await openPerson(browser, { name: 'Bo Diddley', color: '#b91c1c' });
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
    await expect.poll(() => boEditor.stageNotes('Pilot').textContent(), LIVE).toContain('Run a two-week pilot');
    await expect.poll(() => boEditor.caretLabels(boEditor.stageNotes('Pilot')).allTextContents(), LIVE).toContain('Ada Lovelace');
    await expect.poll(() => boEditor.avatars().allTextContents(), LIVE).toEqual(expect.arrayContaining([expect.stringContaining('AL')]));

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
});
