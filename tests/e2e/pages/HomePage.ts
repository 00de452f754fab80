import type { Page } from 'playwright-core';

/** The list of playbooks and the form that creates one. */
export class HomePage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await this.page.getByRole('heading', { name: 'Playbooks' }).waitFor();
  }

  async createPlaybook(title: string, template: 'Starter template' | 'Empty playbook'): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Create a playbook' });
    await form.getByRole('textbox', { name: 'Playbook title' }).fill(title);
    await form.getByRole('radio', { name: template }).check();
    await form.getByRole('button', { name: 'Create playbook' }).click();
  }
}
