import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unnamedControls } from './helpers/accessibility';
import { chromiumAvailable, launchChromium, type Person, saveScreenshot } from './helpers/browser';
import { type E2eServer, startE2eServer } from './helpers/server';
import { EditorPage } from './pages/EditorPage';
import { ReaderPage } from './pages/ReaderPage';
import { WorkshopPage } from './pages/WorkshopPage';

const SECTIONS = ['Buyer stages', 'Lead lifecycle & SLAs', 'Content map', 'Responsibilities', 'Buying team', 'Metrics & credit', 'Pages'];
const SOON = { timeout: 5_000, interval: 50 };

describe.skipIf(!chromiumAvailable())('the editor sections, reader and workshop in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let cy: Person;
  let playbookId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    playbookId = await server.createPlaybook('Sections playbook', 'starter');
    cy = await server.openPerson(browser, { name: 'Cy Twombly', color: '#047857' });
    await new EditorPage(cy.page).open(server.url, playbookId);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('gives every control of every section an accessible name, at projector and laptop sizes', async () => {
    const editor = new EditorPage(cy.page);
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await cy.page.setViewportSize({ width, height });
      for (const section of SECTIONS) {
        await editor.goToSection(section);
        expect(await unnamedControls(cy.page), `${section} at ${width}×${height}`).toEqual([]);
        await saveScreenshot(cy.page, `editor-${section.toLowerCase().replace(/\W+/g, '-')}-${width}x${height}`);
      }
    }
    // Each free page, including the one with a task list (its checkboxes need names too).
    for (const page of await cy.page.getByRole('navigation', { name: 'Pages' }).getByRole('button').all()) {
      await page.click();
      expect(await unnamedControls(cy.page), `page ${await page.textContent()}`).toEqual([]);
    }
    await cy.page.setViewportSize({ width: 1280, height: 720 });
    expect(cy.errors).toEqual([]);
  });

  it('sets RACI letters by typing and flags a row with two accountable roles', async () => {
    const editor = new EditorPage(cy.page);
    await editor.goToSection('Responsibilities');
    const grid = cy.page.getByRole('table', { name: 'Responsibility matrix' });
    const row = grid.getByRole('row').filter({ has: cy.page.getByRole('textbox', { name: 'Activity 1' }) });
    const cells = row.getByRole('button', { name: /for .*: / });
    const before = await cells.allTextContents();
    const notA = before.findIndex((letter) => letter !== 'A');
    await cells.nth(notA).focus();
    await cy.page.keyboard.press('a');
    await expect.poll(() => row.getByText(/2 A's/).count(), SOON).toBe(1);
    await expect
      .poll(
        () =>
          cy.page
            .getByRole('navigation', { name: 'Sections' })
            .getByRole('link', { name: /^Responsibilities,.*1 error/ })
            .count(),
        SOON,
      )
      .toBe(1);

    await cy.page.keyboard.press('Delete');
    await expect.poll(() => row.getByText(/2 A's/).count(), SOON).toBe(0);
    expect(cy.errors).toEqual([]);
  });

  it('adds an asset to a content map cell, marks an overdue review, and moves it to the next cell from the keyboard', async () => {
    const editor = new EditorPage(cy.page);
    await editor.goToSection('Content map');
    const map = cy.page.getByRole('table', { name: 'Content map' });
    const addButton = map.getByRole('button', { name: /^Add asset for / }).first();
    const cellName = ((await addButton.getAttribute('aria-label')) ?? '').replace(/^Add asset for /, '');
    await addButton.click();
    const details = cy.page.getByRole('complementary');
    await details.getByRole('textbox', { name: 'Title' }).fill('Pilot checklist');
    await details.getByRole('textbox', { name: 'Link (URL)' }).fill('https://example.com/pilot');
    await details.getByLabel('Review by').fill('2020-01-31');
    const cell = map.getByRole('list', { name: `Assets for ${cellName}` });
    await cell.getByRole('button', { name: 'Edit Pilot checklist' }).waitFor();
    await cell.getByText('Review overdue since 2020-01-31').waitFor();
    await cell.getByRole('link', { name: 'Open Pilot checklist (new tab)' }).waitFor();

    // Move it one cell to the right from the keyboard: pick up, arrow, drop.
    const rightName = (
      (await map
        .getByRole('button', { name: /^Add asset for / })
        .nth(1)
        .getAttribute('aria-label')) ?? ''
    ).replace(/^Add asset for /, '');
    const announced = (text: string | RegExp) => cy.page.locator('[id^="DndLiveRegion"]').getByText(text).waitFor();
    await cell.getByRole('button', { name: 'Move Pilot checklist' }).focus();
    await cy.page.keyboard.press('Space');
    await announced(`Over ${cellName.replace(' × ', ', ')}.`);
    await cy.page.keyboard.press('ArrowRight');
    await announced(`Over ${rightName.replace(' × ', ', ')}.`);
    await cy.page.keyboard.press('Space');
    await announced(/Moved to/);
    await map
      .getByRole('list', { name: `Assets for ${rightName}` })
      .getByRole('button', { name: 'Edit Pilot checklist' })
      .waitFor();
    expect(await cell.getByRole('button', { name: 'Edit Pilot checklist' }).count()).toBe(0);
    expect(cy.errors).toEqual([]);
  });

  it('reorders stages from the keyboard, and deletes one with undo', async () => {
    const editor = new EditorPage(cy.page);
    await editor.goToSection('Buyer stages');
    const [first, second] = await editor.stageNames();
    // dnd-kit measures between key presses: wait for each announcement before the next key.
    const announced = (text: RegExp) => cy.page.locator('[id^="DndLiveRegion"]').getByText(text).waitFor();
    await cy.page.getByRole('button', { name: `Reorder Stage ${first}` }).focus();
    await cy.page.keyboard.press('Space');
    await announced(/position 1 of/);
    await cy.page.keyboard.press('ArrowRight');
    await announced(/over position 2 of/);
    await cy.page.keyboard.press('Space');
    await announced(/Dropped/);
    await expect.poll(async () => (await editor.stageNames()).slice(0, 2), SOON).toEqual([second, first]);

    await cy.page.getByRole('button', { name: `Delete Stage ${second}` }).click();
    await expect.poll(() => editor.stageNames(), SOON).not.toContain(second);
    await cy.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await editor.stageNames())[0], SOON).toBe(second);
    expect(cy.errors).toEqual([]);
  });

  it('loads the reader without the editor, and names every control there and in the workshop', async () => {
    const scripts: string[] = [];
    const onResponse = (response: { url(): string; request(): { resourceType(): string } }) => {
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    };
    const readerPage = await cy.context.newPage();
    readerPage.on('response', onResponse);
    const reader = new ReaderPage(readerPage);
    await reader.open(server.url, playbookId);
    await reader.article().getByRole('heading', { level: 1 }).waitFor();
    expect(scripts.some((path) => /EditorPage|WorkshopPage/.test(path))).toBe(false);
    expect(await unnamedControls(readerPage)).toEqual([]);
    await readerPage.getByRole('navigation', { name: 'Contents' }).getByRole('link').nth(1).click();
    await readerPage.getByRole('heading', { name: 'SLAs that apply' }).waitFor();
    await saveScreenshot(readerPage, 'reader-stage-page');
    await readerPage.close();

    const workshop = new WorkshopPage(cy.page);
    await workshop.open(server.url, playbookId, 'responsibilities');
    expect(await unnamedControls(cy.page)).toEqual([]);
    await saveScreenshot(cy.page, 'workshop-responsibilities');
    expect(cy.errors).toEqual([]);
  });
});
