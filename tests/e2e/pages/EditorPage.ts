import type { Locator, Page } from 'playwright-core';

/** The playbook editor, found the way a screen reader user finds it: by roles and names. */
export class EditorPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, playbookId: string, section = 'stages'): Promise<void> {
    await this.page.goto(`${baseUrl}/playbooks/${playbookId}/${section}`);
    await this.waitUntilConnected();
  }

  connection(): Locator {
    return this.page.getByRole('status', { name: 'Connection' });
  }

  async waitUntilConnected(timeout = 10_000): Promise<void> {
    await this.connection().getByText('Connected', { exact: true }).waitFor({ timeout });
  }

  /** Opens a section from the navigation ("Buyer stages", "Lead lifecycle & SLAs", …). */
  async goToSection(label: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) })
      .click();
    await this.page.getByRole('heading', { level: 2, name: label }).waitFor();
  }

  titleInput(): Locator {
    return this.page.getByRole('textbox', { name: 'Playbook title' });
  }

  stage(name: string): Locator {
    return this.page.getByRole('listitem', { name: `Stage ${name}`, exact: true });
  }

  stageNames(): Promise<string[]> {
    return this.page
      .getByRole('list', { name: 'Buyer stages in order' })
      .getByRole('textbox', { name: 'Stage name' })
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
  }

  /** Adds a stage and types its name into the name field, which has the focus after adding. */
  async addStage(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add stage' }).click();
    await this.page.keyboard.type(name);
    await this.stage(name).waitFor();
  }

  stageNotes(name: string): Locator {
    return this.stage(name).getByRole('textbox', { name: `Notes for stage ${name}` });
  }

  /** The name labels on other people's carets inside one rich-text field. */
  caretLabels(field: Locator): Locator {
    return field.locator('.collaboration-carets__label');
  }

  sla(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  slaSentence(title: string): Locator {
    return this.sla(title).getByText(/follows? up every/);
  }

  /** Sets one duration of an SLA through its number and unit inputs. */
  async setSlaDuration(title: string, label: string, amount: number, unit: 'minutes' | 'hours' | 'days' | 'weeks'): Promise<void> {
    const card = this.sla(title);
    await card.getByRole('combobox', { name: `${label} unit` }).selectOption(unit);
    await card.getByRole('spinbutton', { name: `${label} amount` }).fill(String(amount));
  }

  /** The avatar of someone else in the playbook, named "Ada Lovelace, editing Buyer stages". */
  avatar(name: string): Locator {
    return this.page.getByRole('region', { name: 'People in this playbook' }).getByRole('listitem', { name: new RegExp(`^${name},`) });
  }

  readerLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Modes' }).getByRole('link', { name: 'Read' });
  }
}
