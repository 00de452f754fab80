import type { Locator, Page } from 'playwright-core';

/** The reading layout a new hire uses: contents, search, stage pages. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, playbookId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/playbooks/${playbookId}/read`);
    await this.contents().waitFor();
  }

  contents(): Locator {
    return this.page.getByRole('navigation', { name: 'Contents' });
  }

  searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the playbook' });
  }

  async search(text: string): Promise<Locator> {
    await this.searchBox().fill(text);
    const results = this.page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    return results;
  }

  article(): Locator {
    return this.page.getByRole('main');
  }
}
