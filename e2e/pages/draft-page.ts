/**
 * The draft check as an editor uses it: paste a draft, walk what needs attention,
 * set a verdict by hand, export back to the writer.
 */
import type { Locator, Page } from '@playwright/test';

export class DraftPage {
  constructor(readonly page: Page) {}

  /** Pastes a draft with its title taken from its first line, and marks it as a draft. */
  async pasteDraft(text: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = this.page.getByTestId('paste-dialog');
    await dialog.getByLabel('Article text').fill(text);
    await dialog.getByTestId('paste-as-draft').check();
    await dialog.getByRole('button', { name: 'Import' }).click();
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: /Draft check/ }).click();
  }

  get view(): Locator {
    return this.page.getByTestId('draft-view');
  }
  get counts(): Locator {
    return this.page.getByTestId('draft-counts');
  }
  get attention(): Locator {
    return this.page.getByTestId('attention-list');
  }
  get items(): Locator {
    return this.page.getByTestId('attention-item');
  }
  get selectedItem(): Locator {
    return this.attention.locator('[aria-selected="true"]');
  }
  get detail(): Locator {
    return this.page.getByTestId('claim-detail');
  }
  claimInText(quote: string): Locator {
    return this.page.getByTestId('draft-text').locator('button.claim', { hasText: quote });
  }

  async setVerdict(label: 'Supported' | 'Contradicted' | 'Unverified', note: string): Promise<void> {
    const form = this.page.getByTestId('verdict-form');
    await form.getByLabel(label, { exact: true }).check();
    await form.getByTestId('verdict-note').fill(note);
    await form.getByRole('button', { name: 'Save verdict' }).click();
  }
}
