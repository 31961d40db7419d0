/**
 * The review queue on the seed articles, keyboard only: next undecided, the
 * compare view, confirm with a note, dismiss with a reason, resolve choosing a
 * side with evidence, a `c` on the resolved conflict that asks instead of
 * replacing, reopen; after every decision the selected row is the conflict's
 * fact. A reload keeps every decision. Screenshots at 1440×900 and 800×600,
 * and axe finds no serious or critical violation at either size.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, SEEDS } from './fixtures';
import { DeskPage } from './pages/desk-page';
import { ReviewQueuePage } from './pages/review-queue-page';

const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('an editor works through the seed conflicts with the keyboard only, and the selection stays on each decided conflict', async ({
  page,
  desk,
}, testInfo) => {
  // A long walk (six decisions, three window sizes, five axe runs) on a machine others share.
  test.setTimeout(240_000);
  const app = new DeskPage(page, desk);
  const q = new ReviewQueuePage(page);
  await app.open();
  await app.importFiles(seedFiles);
  await expect(app.articles).toHaveCount(5);
  await expect(page.getByTestId('board-row').first()).toBeVisible();
  await page.getByTestId('board').focus();

  // Next undecided, then the compare view with the marked passage in view.
  await q.press('u');
  await expect(q.status).toContainText(/suggested|open/);
  const first = (await q.panelFact.textContent())!;
  const firstId = await q.openConflictId();
  await q.expectSelectionOnOpenConflict(first);
  await q.press('v');
  await expect(q.compare).toBeVisible();
  await expect(q.compare.getByTestId('compare-context').first().locator('mark')).toBeInViewport();
  await expect(page.getByTestId('board-row').first()).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('compare-1440.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // Confirm, then a note submitted with Ctrl+Enter.
  await q.press('c');
  await q.giveEditorNameIfAsked('Ana Editor');
  await expect(q.status).toContainText('confirmed');
  await q.expectSelectionOnOpenConflict(first);
  await q.expectFocusNotOnBody();
  await q.press('n');
  await page.keyboard.type('Checked against the ministry release.');
  await q.press('Control+Enter');
  await expect(page.getByTestId('conflict-notes')).toContainText('Checked against the ministry release.');
  await q.expectSelectionOnOpenConflict(first);
  await q.expectFocusNotOnBody();

  // Next undecided: a different conflict (the seeds raise one per disagreement: the
  // "first" wording and the direction of trade), resolved by choosing a side, with evidence.
  await q.press('u');
  await expect(q.panel).not.toHaveAttribute('data-conflict-id', firstId);
  await expect(q.status).toContainText(/suggested|open/);
  const second = (await q.panelFact.textContent())!;
  const secondId = await q.openConflictId();
  await q.expectSelectionOnOpenConflict(second);
  await q.press('r');
  const resolve = page.getByTestId('resolve-dialog');
  await expect(resolve).toBeVisible();
  await q.press('Space'); // the first choice has focus: that side is right
  await q.press('Tab'); // the choices are one stop: Tab goes on to the first evidence item's address
  await expect(page.getByTestId('resolve-evidence').locator('input').first()).toBeFocused();
  await page.keyboard.type('https://example.org/ministry-release');
  await q.press('Control+Enter');
  await expect(q.status).toContainText('resolved');
  await q.expectSelectionOnOpenConflict(second);
  await expect(q.panel).toContainText('https://example.org/ministry-release');

  // `c` on the resolved conflict asks; Esc keeps the resolution as it was.
  await q.press('c');
  const ask = page.getByTestId('replace-dialog');
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('resolved');
  await q.press('Escape');
  await expect(ask).toBeHidden();
  await expect(q.status).toContainText('resolved');
  await expect(q.panel).toContainText('https://example.org/ministry-release');
  await q.expectFocusNotOnBody();

  // Reopen: undecided again, same conflict, same row; then dismissed with a reason.
  await q.press('o');
  await expect(q.status).toContainText('open');
  await expect(q.panel).toHaveAttribute('data-conflict-id', secondId);
  await q.expectSelectionOnOpenConflict(second);
  await q.press('d');
  await page.keyboard.type('Different periods: one year against five.');
  await q.press('Control+Enter');
  await expect(q.status).toContainText('dismissed');
  await q.expectSelectionOnOpenConflict(second);
  await q.expectFocusNotOnBody();

  // A narrow window: the board rows and the compare pane still fit.
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(q.compare).toBeVisible();
  await expect(page.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(q.selectedFact).toBeInViewport();
  const pageWidth = await page.locator('html').evaluate((el) => (el as { scrollWidth: number }).scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(800);
  await page.screenshot({ path: testInfo.outputPath('compare-800.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('compare-800-dark.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // Everything survives a reload.
  await page.reload();
  await expect(page.getByTestId('board-row').first()).toBeVisible();
  await expect(q.badgeOf(firstId)).toContainText('confirmed');
  await expect(q.badgeOf(secondId)).toContainText('dismissed');
  await page.screenshot({ path: testInfo.outputPath('board-1440.png') });
});
