/**
 * A draft checked before publication: on the sample desk an editor pastes our draft
 * and marks it as such, walks the claims needing attention with the keyboard, sets
 * one verdict by hand with a note, reloads and finds it, and exports the DOCX with
 * Word comments for the writer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import mammoth from 'mammoth';
import { test, expect, ROOT } from './fixtures';
import { DeskPage } from './pages/desk-page';
import { DraftPage } from './pages/draft-page';

const DRAFT = readFileSync(join(ROOT, 'src-main/core/draft/fixtures/sample-draft.txt'), 'utf8');

test('an editor marks a pasted draft, walks what needs attention, sets a verdict, reloads and exports DOCX', async ({
  page,
  desk,
}, testInfo) => {
  const app = new DeskPage(page, desk);
  const draft = new DraftPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Open sample desk' }).click();
  await expect(app.articles).toHaveCount(5);

  await draft.pasteDraft(DRAFT);
  await expect(draft.view).toBeVisible();
  await expect(draft.counts).toContainText('3 contradicted');
  await expect(draft.counts).toContainText('1 unverified');
  await expect(draft.counts).toContainText('6 supported');
  await expect(page.getByTestId('draft-badge')).toHaveCount(1);
  // Every verdict has its words, not only its colour.
  await expect(draft.claimInText('€412.6 million')).toContainText('Contradicted');
  await expect(draft.claimInText('25 new scholarships')).toContainText('Unverified');
  await expect(draft.claimInText('1,700 containers')).toContainText('Supported');

  // Contradicted first, then unverified; walked with j/k and the arrows.
  await expect(draft.items).toHaveText([
    /Contradicted.*first-ever visit/,
    /Contradicted.*€412\.6 million/,
    /Contradicted.*about €250 billion/,
    /Unverified.*25 new scholarships/,
  ]);
  await draft.attention.focus();
  await expect(draft.selectedItem).toContainText('first-ever visit');
  await expect(draft.detail).toContainText('Castañeda visited Velgrad in 1978');
  await page.keyboard.press('j');
  await expect(draft.selectedItem).toContainText('€412.6 million');
  await expect(draft.detail).toContainText('Disagrees');
  await expect(draft.detail).toContainText('€386.4 million');
  await page.keyboard.press('ArrowDown');
  await expect(draft.selectedItem).toContainText('about €250 billion');
  await expect(draft.detail).toContainText('more than €300 billion');
  await page.keyboard.press('k');
  await expect(draft.selectedItem).toContainText('€412.6 million');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(draft.selectedItem).toContainText('25 new scholarships');
  await page.screenshot({ path: testInfo.outputPath('draft-check.png') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="draft-view"]').analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
  ).toEqual([]);

  await draft.setVerdict('Supported', 'The education ministry confirmed the 25 scholarships by phone.');
  await expect(draft.counts).toContainText('0 unverified');
  await expect(draft.items).toHaveCount(3);
  await expect(draft.claimInText('25 new scholarships')).toContainText('Supported');

  await page.reload();
  await draft.show();
  await expect(draft.counts).toContainText('7 supported');
  await draft.claimInText('25 new scholarships').click();
  await expect(draft.detail).toContainText('set by');
  await expect(page.getByTestId('editor-note')).toContainText('confirmed the 25 scholarships by phone');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-docx').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const path = testInfo.outputPath('draft.docx');
  await download.saveAs(path);
  const html = (await mammoth.convertToHtml({ path }, { styleMap: ['comment-reference => sup'] })).value;
  // One comment per claim still needing attention, none on the one now supported.
  expect(html.match(/<dt id="comment-\d+">/g)).toHaveLength(3);
  expect(html).toContain('€412.6 million<sup>');
  expect(html).not.toContain('25 new scholarships<sup>');
});
