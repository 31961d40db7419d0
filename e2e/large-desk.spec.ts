/**
 * A desk of many articles, as an editor opens it: the first rows show, every row on
 * screen names its disagreeing values and their articles without scrolling sideways
 * (and they stay in view when the board is scrolled), and the Article and Entity
 * filters are typed into, offering a few matches and a count of the rest. At 800×600
 * the filter bar keeps one line, and axe finds nothing serious, light or dark.
 *
 * The desk is generated here (160 articles of synthetic stories) and imported
 * with the CLI. `CLAIMDESK_LARGE_DESK=/path/bench-1000.claimdesk` runs the same checks
 * on a kept benchmark desk instead (`npm run bench -- --articles 1000 --keep DIR`); a
 * copy is opened, never the file itself. How fast the first row shows is measured by
 * `scripts/board-first-row.mjs`, not here.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, ROOT, startDeskServer, type DeskServer } from './fixtures';
import { LargeBoardPage } from './pages/large-board-page';
import { generateCorpus } from '../src-main/core/synth/generate';

const ARTICLES = 160;
let dir: string;
let server: DeskServer;
let child: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-large-'));
  const deskPath = join(dir, 'large.claimdesk');
  const kept = process.env['CLAIMDESK_LARGE_DESK'];
  if (kept) copyFileSync(kept, deskPath);
  else {
    const files = join(dir, 'articles');
    mkdirSync(files);
    for (const f of generateCorpus({ articles: ARTICLES, seed: 20261127 }).files)
      writeFileSync(join(files, f.name), f.text);
    // Asynchronously and at low priority: the import takes the CPU for a while, and other
    // specs' servers share the machine.
    await promisify(execFile)(
      'nice',
      [
        '-n',
        '10',
        process.execPath,
        '--import',
        'tsx',
        join(ROOT, 'src-main/cli/main.ts'),
        'import',
        '--desk',
        deskPath,
        files,
      ],
      { cwd: ROOT },
    );
  }
  ({ server, child } = await startDeskServer(dir, deskPath));
});

test.afterAll(async () => {
  child?.kill('SIGTERM');
  if (child) await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Every row on screen with a conflict names at least two values, each in view. */
async function expectDisputesInView(b: LargeBoardPage): Promise<number> {
  let checked = 0;
  for (const row of await b.rowsOnScreen()) {
    if ((await row.getByTestId('conflict-badge').count()) === 0) continue;
    const values = row.getByTestId('row-value');
    expect(await values.count(), (await row.textContent()) ?? '').toBeGreaterThanOrEqual(2);
    for (const v of await values.all()) {
      expect(await b.inView(v), `${await v.textContent()} is off screen`).toBe(true);
      await expect(v.locator('strong')).not.toHaveText('');
    }
    // Two sides: A and B.
    await expect(values.first().locator('.side')).toHaveText('A');
    await expect(values.last().locator('.side')).toHaveText('B');
    checked++;
  }
  return checked;
}

test('the board of a large desk shows each row’s disagreement in view and takes typed filters', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const b = new LargeBoardPage(page);
  await page.goto(server.appUrl);
  await expect(b.rows.first()).toBeVisible();

  // Conflicts first: the rows on screen are disagreements, each naming its values.
  expect(await expectDisputesInView(b)).toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: testInfo.outputPath('large-1440.png') });
  // Scrolled sideways through the article columns, the values stay where they were.
  await b.scrollSideways(3000);
  expect(await expectDisputesInView(b)).toBeGreaterThanOrEqual(5);
  await b.scrollSideways(0);

  // Beside the board the article list fills in (in one step up to 300), and the Columns
  // menu offers every article of the desk, not only those stating something on the rows.
  const articles = await b.articleCount();
  await expect(b.sidebarArticles).toHaveCount(Math.min(articles, 300));
  await b.toggleColumnsMenu();
  await expect(b.columnEntries).toHaveCount(articles);
  await b.toggleColumnsMenu();
  await expect(b.columnEntries).toHaveCount(0);

  // Article filter: a common word offers ten titles and says how many more there are.
  const before = await b.total.textContent();
  await b.type('article', 'visit');
  await expect(b.options('article')).toHaveCount(10);
  await expect(b.rest('article')).toHaveText(/^\d[\d,]* more — keep typing/);
  const picked = (await b.options('article').nth(1).locator('.label').textContent())!;
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(b.combo('article')).toHaveValue(picked);
  await expect(b.total).not.toHaveText(before!);
  // Every row left is stated by that article: its column is among the first drawn.
  await expect(page.locator('[role="columnheader"][title]').first()).toBeVisible();
  await b.combo('article').fill('');
  await b.combo('article').press('Enter');
  await expect(b.total).toHaveText(before!);

  // Entity filter: two letters narrow thousands of names to ten suggestions.
  await b.type('entity', 'mo');
  await expect(b.options('entity').first()).toBeVisible();
  expect(await b.options('entity').count()).toBeLessThanOrEqual(10);
  const entity = (await b.options('entity').first().locator('.label').textContent())!;
  expect(entity.toLowerCase()).toContain('mo');
  await b.combo('entity').fill(entity);
  await expect(b.options('entity').first().locator('.label')).toHaveText(entity);
  await page.keyboard.press('Enter');
  await expect(b.combo('entity')).toHaveValue(entity);
  await expect(b.total).not.toHaveText(before!);
  await page.screenshot({ path: testInfo.outputPath('large-entity-1440.png') });
  await b.combo('entity').fill('');
  await b.combo('entity').press('Enter');
  await expect(b.total).toHaveText(before!);

  // 800×600: the filter bar is one line, secondary filters in a popover; axe light and dark.
  await page.setViewportSize({ width: 800, height: 600 });
  const toolbar = page.locator('.board-wrap .toolbar');
  await expect(page.getByTestId('filters-toggle')).toBeVisible();
  await expect.poll(async () => (await toolbar.boundingBox())!.height).toBeLessThan(50);
  expect(await expectDisputesInView(b)).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: testInfo.outputPath('large-800.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await b.type('article', 'visit');
  await expect(b.options('article')).toHaveCount(10);
  await page.screenshot({ path: testInfo.outputPath('large-800-filters.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('large-800-filters-dark.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'light' });
});
