/**
 * An outlet revises an article after the editor reviewed it. The editor imports the
 * ferry story, confirms the distance conflict with a note, confirms the passenger
 * count conflict, and corrects a claim; then imports the outlet's revision (new
 * headline, an edited sentence, a changed figure, a removed paragraph). The revision
 * joins the same article; the note and decision sit on the re-anchored claim; the
 * correction follows; the removed paragraph's claims are listed as orphans; the
 * changed figure reopens its conflict with the reason; the version view shows
 * exactly those edits. Screenshots of the version view and the reopened conflict; axe
 * finds no serious violation in the version view.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ROOT } from './fixtures';
import { DeskPage } from './pages/desk-page';
import { BoardPage } from './pages/board-page';
import { VersionsPage } from './pages/versions-page';

const FIXTURES = join(ROOT, 'src-main/core/versions/fixtures');
const file = (name: string) => join(FIXTURES, name);

test('a revised article keeps its review and shows what the outlet changed', async ({
  page,
  desk,
}, testInfo) => {
  const app = new DeskPage(page, desk);
  const board = new BoardPage(page);
  const versions = new VersionsPage(page);
  await app.open();
  await app.importFiles([file('courier-v1.md'), file('wire.md')]);
  await expect(app.articles).toHaveCount(2);

  // Review: the distance conflict confirmed with a note, the passenger count confirmed.
  await board.openConflict(/4 km/, /figure mismatch/, /about 4 km/);
  await board.decide('Confirm');
  await board.giveEditorNameIfAsked('Ana Editor');
  await expect(board.status).toContainText('confirmed');
  await board.decide('Add note');
  await page.getByTestId('note-input').fill('The harbour master’s chart puts the wreck 4 km out.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByTestId('conflict-notes')).toContainText('chart puts the wreck 4 km out');
  await board.openConflict(/312 passengers/, /count mismatch/, /312 passengers/);
  await board.decide('Confirm');
  await expect(board.status).toContainText('confirmed');

  // Review: a claim corrected in the Reader.
  await app.article('Ferry capsizes on Lake Orvel').click();
  await app.readerText.locator('[data-claim-id]', { hasText: 'At least 41 people' }).first().click();
  const popover = page.getByTestId('claim-popover');
  await popover.getByLabel('Value as read').fill('at least 41 people rescued by fishing boats');
  await popover.getByRole('button', { name: 'Correct' }).click();
  await expect(popover).toBeHidden();

  // The outlet's revision arrives.
  await app.importFiles([file('courier-v2.md')]);
  await expect(page.getByTestId('import-revision')).toContainText(
    'version 2 of an article already on the desk',
  );
  await expect(app.articles).toHaveCount(2);
  await expect(app.article('Lake Orvel ferry disaster: divers search through the night')).toHaveCount(1);
  await expect(app.article('Ferry capsizes on Lake Orvel')).toHaveCount(0);

  // The version view, one click from the Reader.
  await app.article('Lake Orvel ferry disaster').click();
  await versions.openFromReader();
  await expect(versions.items).toHaveCount(2);
  await expect(versions.items.nth(1)).toContainText('latest');
  await expect(versions.items.nth(1)).toContainText('updated 15 Jun 2025');
  await expect(versions.summary).toHaveText(
    'What changed: 1 figure changed, 1 paragraph edited, 1 paragraph removed, headline changed',
  );
  await expect(versions.headline).toContainText(
    'Ferry capsizes on Lake Orvel with 312 passengers aboard → Lake Orvel ferry disaster: divers search through the night',
  );
  expect(await versions.stretches('INS')).toEqual([
    'Lake Orvel ferry disaster: divers search through the night Updated 2025-06-15',
    'in strong winds',
    '296',
  ]);
  expect(await versions.stretches('DEL')).toEqual([
    'Ferry capsizes on Lake Orvel with 312 passengers aboard',
    '312',
    'The Marten was built in 1987 and passed its last safety inspection in March 2024.',
  ]);
  expect(await versions.marked('changed')).toEqual(['312', '296', 'passengers']);
  await expect(versions.changedClaims).toHaveCount(1);
  await expect(versions.changedClaims).toContainText('312 passengers → 296 passengers');
  await expect(versions.orphans).toHaveCount(3);
  expect(await versions.orphans.locator('mark').allTextContents()).toEqual([
    '312 passengers',
    '1987',
    'March 2024',
  ]);
  await expect(versions.orphans.nth(1)).toContainText('The Marten was built in 1987');
  await expect(versions.orphans.filter({ hasText: 'with 312 passengers aboard' })).toContainText('(open)');
  await page.screenshot({ path: testInfo.outputPath('version-view.png'), fullPage: true });
  await page.getByTestId('orphans').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('version-orphans.png') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="version-view"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);

  // The correction followed the claim onto the revision.
  await versions.back();
  await app.readerText.locator('[data-claim-id]', { hasText: 'At least 41 people' }).first().click();
  await expect(popover).toContainText('at least 41 people rescued by fishing boats');
  await popover.getByRole('button', { name: 'Cancel' }).click();

  // The older version can still be read, from the history.
  await versions.openFromReader();
  await page.getByRole('button', { name: 'Read v1' }).click();
  await expect(app.readerTitle).toHaveText('Ferry capsizes on Lake Orvel with 312 passengers aboard');
  await expect(app.readerText).toContainText('The Marten was built in 1987');

  // The note and decision sit on the re-anchored claim, in the edited sentence.
  await page.getByRole('tab', { name: /Board/ }).click();
  await board.openConflict(/4 km/, /figure mismatch/, /about 4 km/);
  await expect(board.status).toContainText('confirmed');
  await expect(page.getByTestId('conflict-notes')).toContainText('chart puts the wreck 4 km out');
  await expect(
    board.panel.getByTestId('conflict-context').filter({ hasText: 'in strong winds' }),
  ).toHaveCount(1);

  // The changed figure reopened its conflict, saying what the outlet now says.
  await board.openConflict(/296 passengers/, /count mismatch/, /296 passengers/);
  await expect(board.status).toContainText('open');
  await expect(page.getByTestId('conflict-reopened')).toHaveText(
    'Reopened: The outlet now says “296 passengers” where it said “312 passengers” (Lakeside Courier, version 2).',
  );
  await page.screenshot({ path: testInfo.outputPath('reopened-conflict.png') });

  // Undo takes the link back: two articles from the outlet again, and the review exactly
  // as it was before the revision: the passenger count confirmed, not reopened.
  await page.keyboard.press('Control+z');
  await expect(app.articles).toHaveCount(3);
  await page.getByRole('tab', { name: /Board/ }).click();
  await board.openConflict(/312 passengers/, /count mismatch/, /312 passengers/);
  await expect(board.status).toContainText('confirmed');
  await expect(page.getByTestId('conflict-reopened')).toHaveCount(0);
  await board.openConflict(/4 km/, /figure mismatch/, /about 4 km/);
  await expect(board.status).toContainText('confirmed');
  await expect(page.getByTestId('conflict-notes')).toContainText('chart puts the wreck 4 km out');
});
