import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unnamedControls } from './helpers/accessibility';
import { chromiumAvailable, launchChromium, saveScreenshot } from './helpers/browser';
import { type E2eServer, startE2eServer } from './helpers/server';
import { EditorPage } from './pages/EditorPage';
import { HomePage } from './pages/HomePage';

/** "Within a second", with room for a busy machine to render. */
const SOON = { timeout: 2_000, interval: 25 };

describe.skipIf(!chromiumAvailable())('people and access in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let owner: Page;
  let playbookId: string;

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer({ FULLCOURT_OWNER_EMAIL: '', FULLCOURT_OWNER_PASSWORD: '' }), launchChromium()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('creates the owner account from the setup link on first run, and signs them in', async () => {
    expect(server.setupUrl).toBeTruthy();
    owner = await newPage();
    await owner.goto(server.setupUrl as string);
    await owner.getByRole('heading', { name: 'Set up Fullcourt' }).waitFor();
    expect(await unnamedControls(owner)).toEqual([]);
    await owner.getByLabel('Your name').fill('Olga Owner');
    await owner.getByLabel('Email').fill('olga@fullcourt.test');
    await owner.getByLabel('Password (at least 10 characters)').fill('olga-password-1');
    await owner.getByRole('button', { name: 'Create the owner account' }).click();
    await owner.getByRole('heading', { name: 'Playbooks' }).waitFor();
    // The link is spent and gone from the address bar.
    expect(new URL(owner.url()).search).toBe('');
    await new HomePage(owner).createPlaybook('Shared playbook', 'Starter template');
    await new EditorPage(owner).waitUntilConnected();
    playbookId = new URL(owner.url()).pathname.split('/')[2] as string;
  });

  it('invites a viewer, who joins, sees the editor read-only with a banner, and follows changes live', async () => {
    await owner.goto(`${server.url}/people`);
    const form = owner.getByRole('form', { name: 'Invite someone' });
    await form.getByLabel('Email').fill('vera@fullcourt.test');
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByRole('checkbox', { name: 'Sales' }).check();
    await form.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await owner.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(await unnamedControls(owner)).toEqual([]);
    await saveScreenshot(owner, 'people');

    const vera = await newPage();
    await vera.goto(link);
    await vera.getByRole('heading', { name: 'Join Fullcourt' }).waitFor();
    await vera.getByLabel('Your name').fill('Vera Viewer');
    await vera.getByLabel('Password (at least 10 characters)').fill('vera-password-1');
    await vera.getByRole('button', { name: 'Join' }).click();
    await vera.getByRole('heading', { name: 'Playbooks' }).waitFor();
    expect(await vera.getByRole('form', { name: 'Create a playbook' }).count()).toBe(0);

    const veraEditor = new EditorPage(vera);
    await veraEditor.open(server.url, playbookId);
    await vera.getByText('You can view this playbook and follow changes live.').waitFor();
    expect(await veraEditor.titleInput().isDisabled()).toBe(true);
    expect(await vera.getByRole('button', { name: /^Add/ }).first().isDisabled()).toBe(true);
    await saveScreenshot(vera, 'viewer-read-only');

    const ownerEditor = new EditorPage(owner);
    await ownerEditor.open(server.url, playbookId);
    await ownerEditor.titleInput().fill('Shared playbook, agreed');
    await expect.poll(() => veraEditor.titleInput().inputValue(), SOON).toBe('Shared playbook, agreed');
    await ownerEditor.avatar('Vera Viewer').waitFor({ timeout: 5_000 });
    await owner.getByRole('button', { name: 'Share' }).click();
    await owner.getByRole('dialog', { name: 'Share this playbook' }).getByRole('button', { name: 'Done' }).click();
  });

  it('turns the editor of someone typing read-only, with a message, when a manager makes them a viewer', async () => {
    const response = await server.api('/api/v1/invitations', {
      method: 'POST',
      body: JSON.stringify({ email: 'eda@fullcourt.test' }),
      headers: await ownerCookie(),
    });
    const { url } = (await response.json()) as { url: string };
    const eda = await newPage();
    await eda.goto(url);
    await eda.getByLabel('Your name').fill('Eda Editor');
    await eda.getByLabel('Password (at least 10 characters)').fill('eda-password-1');
    await eda.getByRole('button', { name: 'Join' }).click();
    await eda.getByRole('heading', { name: 'Playbooks' }).waitFor();
    const edaEditor = new EditorPage(eda);
    await edaEditor.open(server.url, playbookId);
    expect(await edaEditor.titleInput().isDisabled()).toBe(false);
    await edaEditor.titleInput().click();
    await eda.keyboard.type(' (draft');

    // The owner shares with Eda as a viewer and makes general access view-only.
    await owner.getByRole('button', { name: 'Share' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Share this playbook' });
    await dialog.getByLabel('Add a person or a team').selectOption({ label: 'Eda Editor (eda@fullcourt.test)' });
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Access of Eda Editor' }).selectOption('viewer');
    await dialog.getByLabel('General access').selectOption('view');
    expect(await unnamedControls(owner)).toEqual([]);
    await saveScreenshot(owner, 'share-dialog');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await eda.getByText('Your access to this playbook changed: you can now only view it.').waitFor({ timeout: 5_000 });
    await expect.poll(() => edaEditor.titleInput().isDisabled(), SOON).toBe(true);
    await saveScreenshot(eda, 'downgraded-editor');
    await owner.getByRole('textbox', { name: 'Playbook title' }).fill('Final title');
    await expect.poll(() => edaEditor.titleInput().inputValue(), { timeout: 5_000, interval: 50 }).toBe('Final title');
  });

  it('reopens a viewer’s editor editable, saying so, once a manager makes them an editor again', async () => {
    const eda = contexts.at(-1)?.pages()[0] as Page;
    const edaEditor = new EditorPage(eda);
    await owner.getByRole('button', { name: 'Share' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Share this playbook' });
    await dialog.getByRole('combobox', { name: 'Access of Eda Editor' }).selectOption('editor');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // A read-only page asks again every 15 s: no reload needed.
    await eda.getByText('You can now edit this playbook.').waitFor({ timeout: 25_000 });
    await expect.poll(() => edaEditor.titleInput().isDisabled(), SOON).toBe(false);
    await edaEditor.titleInput().fill('Agreed title');
    await expect
      .poll(() => owner.getByRole('textbox', { name: 'Playbook title' }).inputValue(), { timeout: 5_000, interval: 50 })
      .toBe('Agreed title');
  });

  it('lets a manager delete the playbook to the trash, from which an admin restores it', async () => {
    await new EditorPage(owner).open(server.url, playbookId);
    await owner.getByRole('button', { name: 'Share' }).click();
    await owner.getByRole('dialog', { name: 'Share this playbook' }).getByRole('button', { name: 'Delete playbook' }).click();
    await owner.getByRole('dialog', { name: 'Delete this playbook?' }).getByRole('button', { name: 'Delete playbook' }).click();
    await owner.getByRole('heading', { name: 'Playbooks' }).waitFor();
    expect(await owner.getByRole('link', { name: 'Agreed title', exact: true }).count()).toBe(0);

    await owner.goto(`${server.url}/people`);
    const trash = owner.getByRole('list', { name: 'Deleted playbooks' });
    await trash.getByRole('button', { name: 'Restore Agreed title' }).click();
    await owner.getByText('No deleted playbooks.').waitFor();
    await owner.goto(server.url);
    await owner.getByRole('link', { name: 'Agreed title', exact: true }).waitFor();
  });

  /** The owner's session cookie, from their browser context. */
  async function ownerCookie(): Promise<Record<string, string>> {
    const cookies = await owner.context().cookies();
    return { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), origin: server.url };
  }
});
