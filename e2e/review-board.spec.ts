/**
 * The review board on the seed articles: an editor finds the "first-ever"
 * conflict with the Le Duan passage beside it, confirms it with a note, dismisses
 * another suggestion with a reason, undoes and redoes, reloads, and finds every
 * decision still there. Screenshots of the board and the conflict view are kept,
 * and axe reports no serious violations on either.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, SEEDS } from './fixtures';
import { DeskPage } from './pages/desk-page';
import { BoardPage } from './pages/board-page';

const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('an editor reviews the first-ever conflict, decides, undoes, redoes and finds it all after a reload', async ({
  page,
  desk,
}, testInfo) => {
  const app = new DeskPage(page, desk);
  const board = new BoardPage(page);
  await app.open();
  await app.importFiles(seedFiles);
  await expect(app.articles).toHaveCount(5);
  await expect(board.rows.first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('board.png') });
  expect(await seriousViolations(page)).toEqual([]);

  // The first-ever trip against the earlier visit by Le Duan.
  await board.openConflict(/first-ever/i, /novelty/i, /first-ever/i);
  await expect(
    board.panel.getByTestId('conflict-context').filter({ hasText: 'Le Duan' }).first(),
  ).toBeVisible();
  await expect(board.status).toContainText('suggested');
  await page.screenshot({ path: testInfo.outputPath('conflict.png') });
  expect(await seriousViolations(page)).toEqual([]);
  const firstEver = (await board.explanation.textContent())!;

  await board.decide('Confirm');
  await board.giveEditorNameIfAsked('Ana Editor');
  await expect(board.status).toContainText('confirmed');
  await board.decide('Add note');
  await page.getByTestId('note-input').fill('Le Duan visited Azerbaijan in the early 1980s: not a first.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByTestId('conflict-notes')).toContainText(
    'Le Duan visited Azerbaijan in the early 1980s',
  );
  await expect(page.getByTestId('conflict-notes')).toContainText('Ana Editor');

  // Another suggestion: the same-article trend contradiction, dismissed with a reason.
  await board.openConflict(/growth|decreas/i, /trend/i, /.*/);
  const trend = (await board.explanation.textContent())!;
  expect(trend).not.toBe(firstEver);
  await board.decide('Dismiss');
  await page.getByTestId('dismiss-reason').fill('Different windows: checked with the trade desk.');
  await page.getByRole('button', { name: 'Save dismissal' }).click();
  await expect(board.status).toContainText('dismissed');
  await expect(page.getByTestId('dismiss-reason-text')).toHaveText(
    'Different windows: checked with the trade desk.',
  );

  // Undo and redo from the keyboard.
  await board.panel.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(board.status).toContainText('suggested');
  await page.keyboard.press('Control+Shift+z');
  await expect(board.status).toContainText('dismissed');

  // Everything survives a reload.
  await page.reload();
  await expect(app.articles).toHaveCount(5);
  await board.openConflict(/first-ever/i, /novelty/i, /first-ever/i);
  await expect(board.status).toContainText('confirmed');
  await expect(page.getByTestId('conflict-notes')).toContainText('early 1980s');
  await expect(page.getByTestId('conflict-history')).toContainText('Ana Editor');
  await board.openConflict(
    /growth|decreas/i,
    /trend/i,
    new RegExp(trend.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  await expect(board.status).toContainText('dismissed');
  await expect(page.getByTestId('dismiss-reason-text')).toHaveText(
    'Different windows: checked with the trade desk.',
  );
});
