import { createHmac } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unnamedControls } from './helpers/accessibility';
import { chromiumAvailable, launchChromium, type Person, saveScreenshot } from './helpers/browser';
import { type E2eServer, startE2eServer } from './helpers/server';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhookReceiver';
import { EditorPage } from './pages/EditorPage';
import { HistoryPanel } from './pages/HistoryPanel';

const SOON = { timeout: 5_000, interval: 50 };

describe.skipIf(!chromiumAvailable())('version history and webhooks in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let receiver: WebhookReceiver;
  let ada: Person & { userId: string };
  let bo: Person & { userId: string };
  let playbookId: string;

  const api = (path: string, init?: RequestInit) => server.api(`/api/v1/playbooks/${playbookId}${path}`, init as never);
  const publishedStageNames = async () => ((await (await api('')).json()) as { stages: { name: string }[] }).stages.map((s) => s.name);

  beforeAll(async () => {
    [server, browser, receiver] = await Promise.all([startE2eServer(), launchChromium(), startWebhookReceiver()]);
    playbookId = await server.createPlaybook('History playbook', 'starter');
    ada = await server.openPerson(browser, { name: 'Ada Lovelace', color: '#1d4ed8' });
    bo = await server.openPerson(browser, { name: 'Bo Diddley', color: '#b91c1c' });
    // Publishing, restoring and webhooks are for the playbook's managers.
    await api('/access', {
      method: 'PUT',
      body: JSON.stringify({
        defaultAccess: 'edit',
        grants: [ada, bo].map((p) => ({ subjectKind: 'user', subjectId: p.userId, role: 'manager' })),
      }),
    });
    await Promise.all([new EditorPage(ada.page).open(server.url, playbookId), new EditorPage(bo.page).open(server.url, playbookId)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('saves, publishes after showing the diff, and restores a version through the history panel; the other editor sees the restore live', async () => {
    const adaEditor = new EditorPage(ada.page);
    const boEditor = new EditorPage(bo.page);
    const history = new HistoryPanel(ada.page);
    const renameStage = async (from: string, to: string) => {
      await adaEditor.stage(from).getByRole('textbox', { name: 'Stage name' }).fill(to);
      // Once Bo sees it, the server has it: the version saved next includes it.
      await expect.poll(() => boEditor.stageNames(), SOON).toContain(to);
    };

    // Nothing is published yet: the first publication says so instead of showing a diff.
    await history.open();
    await history.saveVersion('Starter as given');
    await history.action('Starter as given', 'Publish').click();
    const first = history.confirmation('Publish', 'Starter as given');
    await first.getByText('this will be the playbook’s first publication').waitFor();
    await first.getByRole('button', { name: 'Publish', exact: true }).click();
    await history.version('Starter as given').getByText('Published', { exact: true }).waitFor();
    expect(await unnamedControls(ada.page)).toEqual([]);
    await history.close();
    expect(
      await history.openButton().evaluate((button) => button === (button.ownerDocument as { activeElement: unknown }).activeElement),
    ).toBe(true);

    await renameStage('Aware', 'Discover');
    await history.open();
    await history.saveVersion('Q3 kickoff', 'Agreed in workshop');
    const kickoff = history.version('Q3 kickoff');
    await kickoff.getByText('Agreed in workshop').waitFor();
    await kickoff.getByText(/^Ada Lovelace ·/).waitFor();
    await history.close();

    await renameStage('Discover', 'Discovery call');
    await history.open();
    await history.action('Q3 kickoff', 'Compare').click();
    await history.dialog().getByText("Stage 'Discover' renamed to 'Discovery call'").waitFor();
    await history.dialog().getByRole('button', { name: '← Back to versions' }).click();

    await history.action('Q3 kickoff', 'Publish').click();
    const publish = history.confirmation('Publish', 'Q3 kickoff');
    await publish.getByText("Stage 'Aware' renamed to 'Discover'").waitFor();
    await saveScreenshot(ada.page, 'history-publish-confirmation');
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await kickoff.getByText('Published', { exact: true }).waitFor();
    expect(await history.version('Starter as given').getByText('Published', { exact: true }).count()).toBe(0);
    expect(await publishedStageNames()).toContain('Discover');

    await history.action('Q3 kickoff', 'Restore').click();
    const restore = history.confirmation('Restore', 'Q3 kickoff');
    await restore.getByText('“Before restoring version 2”', { exact: false }).waitFor();
    await restore.getByText("Stage 'Discovery call' renamed to 'Discover'").waitFor();
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();

    // Bo's editor shows the restored name without a reload; the state before is kept as a checkpoint.
    await expect.poll(() => boEditor.stageNames(), SOON).toContain('Discover');
    expect(await boEditor.stageNames()).not.toContain('Discovery call');
    await bo.page.getByRole('status').getByText('Ada Lovelace restored version 2, Q3 kickoff.', { exact: false }).waitFor();
    // Ada's undo steps were recorded before the restore; replaying them would duplicate text.
    expect(await ada.page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
    await history.version('Before restoring version 2').waitFor();
    await history.dialog().getByRole('checkbox', { name: 'Show checkpoints' }).uncheck();
    await history.dialog().getByText('1 checkpoint hidden').waitFor();
    expect(await history.version('Before restoring version 2').count()).toBe(0);
    await history.dialog().getByRole('checkbox', { name: 'Show checkpoints' }).check();
    await history.dialog().getByRole('button', { name: 'Undo restore…' }).waitFor();
    expect(await publishedStageNames()).toContain('Discover');
    await saveScreenshot(ada.page, 'history-timeline');

    // Escape closes only the confirmation it was pressed in.
    await history.action('Starter as given', 'Restore').click();
    await history.confirmation('Restore', 'Starter as given').getByRole('button', { name: 'Cancel' }).waitFor();
    await ada.page.keyboard.press('Escape');
    await history.confirmation('Restore', 'Starter as given').waitFor({ state: 'detached' });
    expect(await history.dialog().isVisible()).toBe(true);

    // A preview renders the version with the reader's components, read-only.
    await history.action('Starter as given', 'Preview').click();
    const preview = history.dialog().getByRole('region', { name: 'Preview of version 1, Starter as given' });
    await preview.getByRole('heading', { level: 3, name: '1. Aware' }).waitFor();
    expect(await preview.getByRole('textbox').count()).toBe(0);
    expect(await unnamedControls(ada.page)).toEqual([]);
    await saveScreenshot(ada.page, 'history-preview');
    await history.close();

    expect(ada.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });

  it('loads the history panel’s code only when someone opens the panel', async () => {
    // Sizes are measured by apps/web/bench/browserLoad.ts: this build runs under NODE_ENV=test, so React is its development build.
    const scripts: string[] = [];
    const page = await bo.context.newPage();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    });
    await new EditorPage(page).open(server.url, playbookId);
    await page.waitForLoadState('networkidle');
    expect(scripts.some((path) => path.includes('HistoryPanel'))).toBe(false);

    await new HistoryPanel(page).open();
    expect(scripts.some((path) => path.includes('HistoryPanel'))).toBe(true);
    await page.close();
  });

  it('registers a webhook, shows its secret once, and logs the delivery of a publication', async () => {
    const history = new HistoryPanel(ada.page);
    await ada.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await history.open();
    await history.tab('Webhooks').click();
    const panel = history.dialog();
    const form = panel.getByRole('form', { name: 'Add a webhook' });

    await form.getByRole('textbox', { name: 'Endpoint URL' }).fill('ftp://files.example.com/in');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await form.getByRole('alert').getByText('Only http and https URLs can receive webhooks.').waitFor();

    await form.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiver.url);
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secretBox = panel.getByRole('region', { name: 'Copy the signing secret now' });
    const secret = await secretBox.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await secretBox.getByRole('button', { name: 'Copy secret' }).click();
    await secretBox.getByText('Copied to the clipboard.').waitFor();
    expect(await ada.page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await secretBox.getByRole('button', { name: 'I have saved it' }).click();
    expect(await panel.getByText(secret).count()).toBe(0);

    const webhook = panel.getByRole('listitem', { name: receiver.url });
    await webhook.getByText('Active', { exact: true }).waitFor();
    await webhook.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    await webhook.getByText('No deliveries yet.', { exact: false }).waitFor();

    // Publish from outside the app (as a CLI would); the dispatcher delivers in the background.
    await api('/versions/1/publish', { method: 'POST' });
    const log = webhook.getByRole('table', { name: `Deliveries to ${receiver.url}` });
    await log.getByRole('row').filter({ hasText: 'Delivered' }).filter({ hasText: 'HTTP 204' }).waitFor({ timeout: 8_000 });
    expect(await unnamedControls(ada.page)).toEqual([]);
    await saveScreenshot(ada.page, 'history-webhooks');

    // The secret shown once is the one that signs deliveries.
    const [hook] = receiver.received;
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(String(hook?.headers['fullcourt-signature'])) ?? [];
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${hook?.body}`).digest('hex'));

    await webhook.getByRole('button', { name: `Pause ${receiver.url}` }).click();
    await webhook.getByText('Paused', { exact: true }).waitFor();

    expect(ada.errors).toEqual([]);

    // An endpoint deleted elsewhere: the next action shows the server's own sentence (and the browser logs the 404).
    await webhook.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    const { items } = (await (await api('/webhooks')).json()) as { items: { id: string }[] };
    await api(`/webhooks/${items[0]?.id}`, { method: 'DELETE' });
    await webhook.getByRole('button', { name: `Resume ${receiver.url}` }).click();
    await webhook.getByRole('alert').getByText(`No webhook with id '${items[0]?.id}' exists.`, { exact: false }).waitFor();
    await history.close();
    expect(ada.errors).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
  });
});
