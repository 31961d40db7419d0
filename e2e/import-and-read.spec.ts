import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, SEEDS } from './fixtures';
import { DeskPage } from './pages/desk-page';

const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));

test('an editor imports five articles, sees them with their dates, and reads one', async ({ page, desk }) => {
  const app = new DeskPage(page, desk);
  await app.open();
  await expect(page.getByRole('button', { name: 'Open sample desk' })).toBeVisible();

  await app.importFiles(seedFiles);
  await expect(app.articles).toHaveCount(5);
  await expect(app.importReport).toContainText('5');
  // The two articles that state a date show it.
  await expect(page.getByTestId('article-date')).toHaveCount(2);
  await expect(app.articles.locator('time[datetime="2025-05-09"]')).toHaveCount(1);
  await expect(app.articles.locator('time[datetime="2026-01-27"]')).toHaveCount(1);

  await app.articles.first().click();
  await expect(app.readerTitle).toBeVisible();
  await expect(app.readerText).toContainText('Bayramov');
  await expect(app.readerText).toContainText('first-ever trip');
});

test('a file that is not text is refused with its name and reason, and nothing else changes', async ({
  page,
  desk,
}) => {
  const app = new DeskPage(page, desk);
  await app.open();
  await app.importFiles(seedFiles.slice(0, 2));
  await expect(app.articles).toHaveCount(2);

  const bad = join(desk.dir, 'scan.txt');
  writeFileSync(
    bad,
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  await app.importFiles([bad]);
  await expect(app.importFailures).toContainText('scan.txt');
  await expect(app.importFailures).toContainText(/not UTF-8|binary|not text/i);
  await expect(app.articles).toHaveCount(2);
});
