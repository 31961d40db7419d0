/**
 * The alignment board and the conflict view, as an editor works them.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class BoardPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('board-row');
  }

  get panel(): Locator {
    return this.page.getByTestId('conflict-panel');
  }

  get explanation(): Locator {
    return this.page.getByTestId('conflict-explanation');
  }

  get status(): Locator {
    return this.page.getByTestId('conflict-status');
  }

  /**
   * Opens the conflict whose explanation matches `explanation`, starting from the
   * first row whose text matches `row` and which carries a badge of `kind`.
   */
  async openConflict(row: RegExp | string, kind: RegExp, explanation: RegExp): Promise<void> {
    const target = this.rows
      .filter({ hasText: row })
      .filter({ has: this.page.getByTestId('conflict-badge').filter({ hasText: kind }) });
    await target.first().getByTestId('conflict-badge').filter({ hasText: kind }).first().click();
    await expect(this.explanation).toBeVisible();
    if (await this.matches(explanation)) return;
    const tabs = this.panel.getByRole('group', { name: 'Conflicts of this fact' }).getByRole('button');
    const n = await tabs.count();
    for (let i = 0; i < n; i++) {
      await tabs.nth(i).click();
      if (await this.matches(explanation)) return;
    }
    throw new Error(`no conflict explained as ${explanation} in that row`);
  }

  private async matches(explanation: RegExp): Promise<boolean> {
    await expect(this.explanation).toBeVisible();
    return explanation.test((await this.explanation.textContent()) ?? '');
  }

  async decide(action: 'Confirm' | 'Dismiss' | 'Add note'): Promise<void> {
    await this.panel.getByRole('toolbar', { name: 'Decision' }).getByRole('button', { name: action }).click();
  }

  /** The editor's name is asked once, before the first decision. */
  async giveEditorNameIfAsked(name: string): Promise<void> {
    const field = this.page.getByLabel('Editor name');
    if (await field.isVisible().catch(() => false)) {
      await field.fill(name);
      await this.page
        .getByRole('dialog')
        .filter({ has: field })
        .getByRole('button', { name: 'Save' })
        .click();
    }
  }
}
