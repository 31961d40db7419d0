/**
 * The board of a large desk as an editor reads it: the rows on screen, the values in
 * dispute on each, and the filters typed into.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class LargeBoardPage {
  constructor(readonly page: Page) {}

  get board(): Locator {
    return this.page.getByTestId('board');
  }

  get rows(): Locator {
    return this.page.getByTestId('board-row');
  }

  get total(): Locator {
    return this.page.locator('.toolbar .total');
  }

  /** The article list beside the board, and the number of articles its heading gives. */
  get sidebarArticles(): Locator {
    return this.page.getByTestId('article-item');
  }

  async articleCount(): Promise<number> {
    const count = this.page.locator('.sidebar .heading .count');
    await expect(count).toHaveText(/^\d+$/);
    return Number(await count.textContent());
  }

  /** The Columns menu: one entry per article the board can show as a column. */
  get columnEntries(): Locator {
    return this.page.locator('#columns-menu li');
  }

  async toggleColumnsMenu(): Promise<void> {
    await this.page.getByRole('button', { name: 'Columns ▾' }).click();
  }

  /** The rows whose top edge is inside the board's visible area. */
  async rowsOnScreen(): Promise<Locator[]> {
    const box = (await this.board.boundingBox())!;
    const out: Locator[] = [];
    for (const row of await this.rows.all()) {
      const r = await row.boundingBox();
      if (r && r.y >= box.y + 40 && r.y + r.height <= box.y + box.height) out.push(row);
    }
    return out;
  }

  /** Whether an element lies wholly inside the board's visible area (no sideways scroll needed). */
  async inView(el: Locator): Promise<boolean> {
    const box = (await this.board.boundingBox())!;
    const r = await el.boundingBox();
    return !!r && r.x >= box.x && r.x + r.width <= box.x + box.width + 1 && r.width > 0;
  }

  async scrollSideways(px: number): Promise<void> {
    await this.board.evaluate((el, x) => (el.scrollLeft = x), px);
  }

  /** Opens the Filters popover when the window is narrow enough to fold the filters. */
  async showFilters(): Promise<void> {
    const toggle = this.page.getByTestId('filters-toggle');
    if ((await toggle.count()) && (await toggle.getAttribute('aria-expanded')) !== 'true')
      await toggle.click();
  }

  combo(name: 'article' | 'entity'): Locator {
    return this.page.getByTestId(`filter-${name}`);
  }

  options(name: 'article' | 'entity'): Locator {
    return this.page.getByTestId(`filter-${name}-option`);
  }

  rest(name: 'article' | 'entity'): Locator {
    return this.page.getByTestId(`filter-${name}-rest`);
  }

  async type(name: 'article' | 'entity', text: string): Promise<void> {
    await this.showFilters();
    await this.combo(name).click();
    await this.combo(name).fill(text);
    await expect(this.page.getByTestId(`filter-${name}-list`)).toBeVisible();
  }
}
