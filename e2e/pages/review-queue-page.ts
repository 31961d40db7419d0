/**
 * The review queue driven from the keyboard only: the keys an editor presses
 * and what the board and the conflict pane then show.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ReviewQueuePage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('conflict-panel');
  }

  get status(): Locator {
    return this.page.getByTestId('conflict-status');
  }

  /** The fact named in the conflict pane's title. */
  get panelFact(): Locator {
    return this.panel.locator('h3 .fact');
  }

  /** The fact label of the board row that is selected. */
  get selectedFact(): Locator {
    return this.page.locator('[data-testid="board-row"][aria-selected="true"] .fact-label');
  }

  get compare(): Locator {
    return this.page.getByTestId('compare-view');
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** The selected row and the open conflict are the same fact. */
  async expectSelectionOnOpenConflict(fact: string): Promise<void> {
    await expect(this.panelFact).toHaveText(fact);
    await expect(this.selectedFact).toHaveText(fact);
  }

  /** The editor's name is asked once, before the first decision; typed, then Enter. */
  async giveEditorNameIfAsked(name: string): Promise<void> {
    const field = this.page.getByLabel('Editor name');
    if (await field.isVisible({ timeout: 2_000 }).catch(() => false)) {
      await field.fill(name);
      await this.press('Enter');
      await expect(field).toBeHidden();
    }
  }

  /** The id of the conflict in the pane. */
  async openConflictId(): Promise<string> {
    return (await this.panel.getAttribute('data-conflict-id'))!;
  }

  /** A conflict's badge on the board (after a reload the statuses are read off the board). */
  badgeOf(conflictId: string): Locator {
    return this.page.locator(`[data-testid="conflict-badge"][data-conflict-id="${conflictId}"]`);
  }

  /** Keyboard focus is on an element, not the page body. */
  async expectFocusNotOnBody(): Promise<void> {
    await expect(this.page.locator('body')).not.toBeFocused();
  }
}
