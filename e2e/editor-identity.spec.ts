/**
 * Two people on one desk, each in their own browser profile (a fresh storage): the
 * second is asked their name before their first decision, alone on screen (not on top
 * of the decision's dialog, and without the key that asked for it); each decision and
 * note is signed by the person who made it, and each profile keeps its own name.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SEEDS } from './fixtures';
import { DeskPage } from './pages/desk-page';
import { ReviewQueuePage } from './pages/review-queue-page';

const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));

function namePrompt(page: Page) {
  return page.getByRole('dialog', { name: 'Who is reviewing?' });
}

test('a second person on the same desk is asked their name once, before their first decision, and the history shows who did what', async ({
  browser,
  desk,
}, testInfo) => {
  test.setTimeout(180_000);
  // Ana: her own profile.
  const anaContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const ana = await anaContext.newPage();
  const anaDesk = new DeskPage(ana, desk);
  const anaQ = new ReviewQueuePage(ana);
  await anaDesk.open();
  await anaDesk.importFiles(seedFiles);
  await expect(anaDesk.articles).toHaveCount(seedFiles.length);
  await expect(ana.getByTestId('board-row').first()).toBeVisible();
  await ana.getByTestId('board').focus();
  await anaQ.press('u');
  await expect(anaQ.status).toContainText(/suggested|open/);
  const anaConflict = await anaQ.openConflictId();
  await anaQ.press('c');
  await expect(namePrompt(ana)).toBeVisible();
  await ana.getByLabel('Editor name').fill('Ana Reyes');
  await anaQ.press('Enter');
  await expect(anaQ.status).toContainText('confirmed');
  await anaQ.press('n');
  await ana
    .getByRole('dialog', { name: 'Add a note' })
    .getByRole('textbox')
    .fill('Checked with the ministry.');
  await anaQ.press('Control+Enter');
  await expect(anaQ.panel.getByTestId('conflict-notes')).toContainText('Checked with the ministry.');
  await expect(ana.getByRole('button', { name: 'Editor: Ana Reyes. Change' })).toBeVisible();

  // Bruno: another profile on the same desk. The desk does not make him Ana.
  const brunoContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const bruno = await brunoContext.newPage();
  const brunoQ = new ReviewQueuePage(bruno);
  await new DeskPage(bruno, desk).open();
  await expect(bruno.getByTestId('board-row').first()).toBeVisible();
  await expect(bruno.getByRole('button', { name: /^Editor:/ })).toHaveCount(0);
  await bruno.getByTestId('board').focus();
  await brunoQ.press('u');
  await expect(brunoQ.status).toContainText(/suggested|open/);
  const brunoConflict = await brunoQ.openConflictId();
  expect(brunoConflict).not.toBe(anaConflict);

  // His first decision: the name first, alone, without the key that asked for it.
  await brunoQ.press('d');
  await expect(namePrompt(bruno)).toBeVisible();
  await expect(bruno.getByRole('dialog')).toHaveCount(1);
  const field = bruno.getByLabel('Editor name');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await bruno.screenshot({ path: testInfo.outputPath('name-prompt.png') });
  await field.fill('Bruno Weiß');
  await brunoQ.press('Enter');
  // Then the dismissal's own dialog.
  const reason = bruno.getByTestId('dismiss-reason');
  await expect(reason).toBeFocused();
  await expect(bruno.getByRole('dialog')).toHaveCount(1);
  await reason.fill('Different years.');
  await brunoQ.press('Control+Enter');
  await expect(brunoQ.status).toContainText('dismissed');
  await expect(brunoQ.panel.getByTestId('conflict-history')).toContainText('Bruno Weiß');

  // Ana's conflict, seen by Bruno, is signed by Ana.
  await brunoQ.badgeOf(anaConflict).click();
  await expect(brunoQ.panel).toHaveAttribute('data-conflict-id', anaConflict);
  await expect(brunoQ.panel.getByTestId('conflict-history')).toContainText('Ana Reyes');
  await expect(brunoQ.panel.getByTestId('conflict-notes')).toContainText('Ana Reyes');
  await expect(brunoQ.panel.getByTestId('conflict-history')).not.toContainText('Bruno');
  await bruno.screenshot({ path: testInfo.outputPath('history-two-editors.png') });

  // Each profile keeps its own name: Ana, after a reload, is still Ana and is not asked.
  await ana.reload();
  await expect(ana.getByRole('button', { name: 'Editor: Ana Reyes. Change' })).toBeVisible();
  await anaQ.badgeOf(brunoConflict).click();
  await expect(anaQ.panel.getByTestId('conflict-history')).toContainText('Bruno Weiß');
  await anaQ.panel.focus();
  await anaQ.press('n');
  await expect(ana.getByRole('dialog', { name: 'Add a note' })).toBeVisible();
  await expect(namePrompt(ana)).toHaveCount(0);
  await ana.getByRole('dialog', { name: 'Add a note' }).getByRole('textbox').fill('Agreed: different years.');
  await anaQ.press('Control+Enter');
  const notes = anaQ.panel.getByTestId('conflict-notes');
  await expect(notes.locator('li', { hasText: 'Agreed: different years.' })).toContainText('Ana Reyes');

  await anaContext.close();
  await brunoContext.close();
});
