/**
 * What an editor does to hand on source notes: resolve a conflict with evidence items,
 * correct an article's details, export the notes.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class NotesPage {
  constructor(readonly page: Page) {}

  get resolveDialog(): Locator {
    return this.page.getByTestId('resolve-dialog');
  }

  evidenceItem(n: number): Locator {
    return this.resolveDialog.getByTestId('evidence-item').nth(n);
  }

  async fillEvidence(n: number, item: { url?: string; title?: string; passage?: string }): Promise<void> {
    const row = this.evidenceItem(n);
    if (item.url !== undefined) await row.getByLabel('Web address').fill(item.url);
    if (item.title !== undefined) await row.getByLabel('What it is').fill(item.title);
    if (item.passage !== undefined) await row.getByLabel(/Passage quoted/).fill(item.passage);
  }

  get evidenceList(): Locator {
    return this.page.getByTestId('evidence-list');
  }

  get articleDialog(): Locator {
    return this.page.getByTestId('article-meta-dialog');
  }

  get exportDialog(): Locator {
    return this.page.getByTestId('export-dialog');
  }

  /**
   * Opens the Export dialog, picks a format, ticks `options` and, from the keyboard
   * (focus, Space), unticks `untick`; returns the download.
   */
  async exportAs(
    format: string,
    options: string[] = [],
    untick: (string | RegExp)[] = [],
  ): Promise<Download> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    const dialog = this.exportDialog;
    await dialog.getByLabel('Format').selectOption({ label: format });
    for (const o of options) await dialog.getByLabel(o).check();
    for (const o of untick) {
      const box = dialog.getByRole('checkbox', { name: o });
      await box.focus();
      await this.page.keyboard.press('Space');
      await expect(box).not.toBeChecked();
    }
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    return download;
  }
}
