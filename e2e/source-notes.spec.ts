/**
 * Source notes an editor can hand on, in the browser mode: a conflict resolved with two
 * evidence items (a bad address refused as it is typed), the evidence shown as links, a
 * conflict dismissed with a reason, an article's outlet corrected and undone, and the
 * notes downloaded: as HTML listing every decision (the dismissal with its reason), as
 * HTML with dismissed conflicts unticked in the dialog (the dismissal absent), and as a
 * PDF the core printed with Chromium. Screenshots of the dialogs and the panel are kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, SEEDS } from './fixtures';
import { DeskPage } from './pages/desk-page';
import { BoardPage } from './pages/board-page';
import { NotesPage } from './pages/notes-page';

const REASON = 'Different periods: growth over several years, a fall from 2022 to 2023';

const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));

test('an editor resolves with evidence links, fixes an outlet, and downloads PDF notes', async ({
  page,
  desk,
}, testInfo) => {
  const app = new DeskPage(page, desk);
  const board = new BoardPage(page);
  const notes = new NotesPage(page);
  await app.open();
  await app.importFiles(seedFiles);
  await expect(app.articles).toHaveCount(5);

  // Resolve the first-ever trip: the earlier visit by Le Duan is right.
  await board.openConflict(/first-ever/i, /novelty/i, /first-ever/i);
  await board.panel.getByRole('button', { name: /Resolve/ }).click();
  // A new browser profile is asked its name before the first decision's dialog opens.
  await expect(page.getByLabel('Editor name')).toBeVisible();
  await board.giveEditorNameIfAsked('Ana Editor');
  await expect(notes.resolveDialog).toBeVisible();
  await notes.resolveDialog.locator('label.choice').filter({ hasText: 'Le Duan' }).first().click();
  await notes.fillEvidence(0, {
    url: 'https://archive.example/1982/le-duan-baku',
    title: 'State archive: delegation in Baku, 1982',
    passage: 'The delegation arrived in Baku in May 1982.',
  });
  await notes.resolveDialog.getByRole('button', { name: 'Add evidence' }).click();
  await notes.fillEvidence(1, { url: 'javascript:alert(1)', title: 'Press digest' });
  await expect(notes.evidenceItem(1).getByRole('alert')).toContainText('only web addresses');
  await expect(page.getByRole('button', { name: 'Save resolution' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('resolve-evidence.png') });
  await notes.fillEvidence(1, { url: 'https://library.example/press/1982-05' });
  await expect(notes.evidenceItem(1).getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save resolution' }).click();
  await board.giveEditorNameIfAsked('Ana Editor');
  await expect(board.status).toContainText('resolved');
  const links = notes.evidenceList.getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.first()).toHaveAttribute('href', 'https://archive.example/1982/le-duan-baku');
  await expect(links.first()).toHaveText('State archive: delegation in Baku, 1982');
  await expect(links.nth(1)).toHaveAttribute('href', 'https://library.example/press/1982-05');
  await expect(notes.evidenceList).toContainText('The delegation arrived in Baku in May 1982.');
  await page.screenshot({ path: testInfo.outputPath('conflict-evidence.png') });

  // Dismiss the trend conflict the desk's own figures explain, with the reason.
  await board.openConflict(/trade turnover/i, /trend/i, /while “decreased” says it fell/);
  await board.decide('Dismiss');
  await page.getByTestId('dismiss-reason').fill(REASON);
  await page.getByRole('button', { name: 'Save dismissal' }).click();
  await expect(board.status).toContainText('dismissed');

  // The seed that opens with a photo caption: its outlet is unknown, and said so.
  await app.article(/traditional friendship/).click();
  await expect(app.readerTitle).toContainText('The traditional friendship between Vietnam and Azerbaijan');
  await expect(page.locator('.byline .outlet')).toHaveText('Outlet unknown');
  await page.getByTestId('edit-article-details').click();
  await notes.articleDialog.getByLabel(/^Outlet/).fill('Vietnam News Agency');
  await notes.articleDialog.getByLabel(/^Published/).fill('2025-13-01');
  await expect(notes.articleDialog.getByRole('alert')).toContainText(
    '"2025-13-01" is not a publication date',
  );
  await expect(notes.articleDialog.getByRole('button', { name: 'Save details' })).toBeDisabled();
  await notes.articleDialog.getByLabel(/^Published/).fill('2025-05');
  await expect(notes.articleDialog.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('article-details.png') });
  await notes.articleDialog.getByRole('button', { name: 'Save details' }).click();
  await expect(page.locator('.byline .outlet')).toHaveText('Vietnam News Agency');
  await expect(page.locator('.byline time')).toHaveText('May 2025');
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(page.locator('.byline .outlet')).toHaveText('Outlet unknown');
  await page.getByRole('button', { name: /Redo/ }).click();
  await expect(page.locator('.byline .outlet')).toHaveText('Vietnam News Agency');

  // The notes list every decision by default: the dismissal with its reason.
  const all = await notes.exportAs('HTML notes');
  const allHtml = readFileSync(await all.path(), 'utf8');
  expect(allHtml).toContain(REASON);
  expect(allHtml).toContain('while “decreased” says it fell');
  expect(allHtml).toContain('State archive: delegation in Baku, 1982');

  // Dismissed conflicts unticked in the dialog, from the keyboard: the dismissal is absent.
  await page.getByRole('button', { name: 'Export…' }).click();
  const kinds = notes.exportDialog.getByRole('group', { name: 'Conflicts to list' }).getByRole('checkbox');
  await notes.exportDialog.getByLabel('Format').selectOption({ label: 'HTML notes' });
  await expect(kinds).toHaveCount(4);
  for (let i = 0; i < 4; i++) await expect(kinds.nth(i)).toBeChecked();
  await notes.exportDialog.getByRole('checkbox', { name: /^Dismissed/ }).focus();
  await page.keyboard.press('Space');
  await page.screenshot({ path: testInfo.outputPath('export-statuses.png') });
  await notes.exportDialog.getByRole('button', { name: 'Cancel' }).click();
  const some = await notes.exportAs('HTML notes', [], [/^Dismissed/]);
  const someHtml = readFileSync(await some.path(), 'utf8');
  expect(someHtml).not.toContain(REASON);
  expect(someHtml).not.toContain('while “decreased” says it fell');
  expect(someHtml).toContain('State archive: delegation in Baku, 1982');

  // PDF notes in the browser: printed by the core, downloaded as a file.
  const download = await notes.exportAs('Source notes (PDF)', [], [/^Dismissed/]);
  expect(download.suggestedFilename()).toMatch(/-notes\.pdf$/);
  const path = testInfo.outputPath('notes.pdf');
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
  }
  await pdf.destroy();
  expect(text).toContain('Summary');
  expect(text).toContain('State archive: delegation in Baku, 1982');
  expect(text).toContain('Vietnam News Agency');
  expect(text).toContain('Resolved by Ana Editor');
  expect(text).not.toContain('Different periods');
});

test('ClaimReview: the dialog names the articles with no date after the export, and a date set in the details clears its gap', async ({
  page,
  desk,
}, testInfo) => {
  const app = new DeskPage(page, desk);
  const board = new BoardPage(page);
  const notes = new NotesPage(page);
  await app.open();
  await app.importFiles(seedFiles);
  await expect(app.articles).toHaveCount(5);

  // Confirm the trend conflict between two undated articles (VNA's and Trend's).
  await board.openConflict(/trade turnover/i, /trend/i, /while “decreased” says it fell/);
  await board.decide('Confirm');
  await board.giveEditorNameIfAsked('Ana Editor');
  await expect(board.status).toContainText('confirmed');

  const exportReviews = async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    await notes.exportDialog.getByLabel('Format').selectOption({ label: 'ClaimReview (JSON-LD)' });
    await notes.exportDialog.getByLabel('Newsroom address').fill('https://checks.example/state-visit');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    return JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { url: string }[];
  };

  // The file is saved, and the dialog stays open saying what the reviews lack.
  const first = await exportReviews();
  expect(first.length).toBeGreaterThan(0);
  const gaps = notes.exportDialog.getByTestId('export-gaps');
  await expect(gaps).toContainText(/Exported .*-claimreview\.jsonld/);
  const items = gaps.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: /\(VNA, “Vietnam, Azerbaijan seek/ })).toContainText('has no date');
  await expect(items.filter({ hasText: /\(Trend, “/ })).toContainText('has no date');
  await expect(items.first()).toContainText("set it in the article's details or with claimdesk article");
  await page.screenshot({ path: testInfo.outputPath('claimreview-gaps.png') });
  await notes.exportDialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(notes.exportDialog).toHaveCount(0);

  // Date VNA's article in its details: only Trend's is left.
  await app.article(/Vietnam, Azerbaijan seek measures/).click();
  await page.getByTestId('edit-article-details').click();
  await notes.articleDialog.getByLabel(/^Published/).fill('2025-05-08');
  await notes.articleDialog.getByRole('button', { name: 'Save details' }).click();
  await expect(notes.articleDialog).toHaveCount(0);
  await exportReviews();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(/\(Trend, “.*has no date/);
});
