import type { Locator, Page } from 'playwright-core';

/** The shared-screen workshop view. */
export class WorkshopPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, playbookId: string, section = 'stages'): Promise<void> {
    await this.page.goto(`${baseUrl}/playbooks/${playbookId}/workshop/${section}`);
    await this.page.getByRole('status', { name: 'Connection' }).getByText('Connected', { exact: true }).waitFor();
  }

  sectionHeading(): Locator {
    return this.page.getByRole('heading', { level: 2 }).first();
  }

  findings(): Locator {
    return this.page.getByRole('complementary', { name: /To settle in the room/ });
  }

  presentToggle(): Locator {
    return this.page.getByRole('checkbox', { name: 'Present to the room' });
  }

  followToggle(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `Follow ${name}` });
  }
}
