import type { Locator, Page } from 'playwright-core';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The history panel of the editor (versions and webhooks), found by roles and names. */
export class HistoryPanel {
  constructor(readonly page: Page) {}

  openButton(): Locator {
    return this.page.getByRole('button', { name: 'History', exact: true });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'History' });
  }

  async open(): Promise<void> {
    await this.openButton().click();
    await this.dialog().getByRole('tab', { name: 'Versions' }).waitFor();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog().waitFor({ state: 'detached' });
  }

  /** The status line that says what just happened ("Saved version 2, Q3 kickoff."). */
  notice(): Locator {
    return this.dialog().getByRole('status').filter({ hasText: /\S/ }).first();
  }

  async saveVersion(label: string, note = ''): Promise<void> {
    const form = this.dialog().getByRole('form', { name: 'Save a version' });
    await form.getByRole('textbox', { name: 'Label' }).fill(label);
    if (note) await form.getByRole('textbox', { name: /^Note/ }).fill(note);
    await form.getByRole('button', { name: 'Save version' }).click();
    await this.dialog()
      .getByText(new RegExp(`^Saved version \\d+, ${escapeRegExp(label)}\\.$`))
      .waitFor();
  }

  /** A version on the timeline, by its label. */
  version(label: string): Locator {
    return this.dialog().getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem', { name: label, exact: true });
  }

  /** One of a version's buttons: Preview, Compare … with live, Publish, Restore. */
  action(label: string, action: 'Preview' | 'Compare' | 'Publish' | 'Restore'): Locator {
    const suffix = action === 'Compare' ? ' with live' : '';
    return this.version(label).getByRole('button', {
      name: new RegExp(`^${action} version \\d+, ${escapeRegExp(label)}${escapeRegExp(suffix)}$`),
    });
  }

  /** The confirmation that opens after Publish… or Restore…. */
  confirmation(action: 'Publish' | 'Restore', label: string): Locator {
    return this.page.getByRole('dialog', { name: new RegExp(`^${action} version \\d+, ${escapeRegExp(label)}\\?$`) });
  }

  tab(name: 'Versions' | 'Webhooks'): Locator {
    return this.dialog().getByRole('tab', { name });
  }
}
