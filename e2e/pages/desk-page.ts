/**
 * The window as an editor uses it: import, the article list, the reader.
 */
import type { Locator, Page } from '@playwright/test';
import type { DeskServer } from '../fixtures';

export class DeskPage {
  constructor(
    readonly page: Page,
    readonly desk: DeskServer,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.desk.appUrl);
  }

  get articles(): Locator {
    return this.page.getByTestId('article-item');
  }

  article(title: RegExp | string): Locator {
    return this.articles.filter({ hasText: title });
  }

  /** Imports files through the window's file picker, as a user choosing them would. */
  async importFiles(paths: string[]): Promise<void> {
    await this.page.locator('input[type="file"]').first().setInputFiles(paths);
  }

  get importReport(): Locator {
    return this.page.getByTestId('import-report');
  }

  get importFailures(): Locator {
    return this.page.getByTestId('import-failures');
  }

  get readerTitle(): Locator {
    return this.page.getByTestId('reader-title');
  }

  get readerText(): Locator {
    return this.page.getByTestId('reader-text');
  }
}
