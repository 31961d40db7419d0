/**
 * Screenshots of the main screens on the sample desk, for looking at the window
 * as an editor would: `node --import tsx scripts/screenshots.ts [outDir]`.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDeskServer } from '../e2e/fixtures';

const out = resolve(process.argv[2] ?? 'test-results/screens');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-shots-'));
const { server, child } = await startDeskServer(dir, join(dir, 'sample.claimdesk'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await page.goto(server.appUrl);
    if (scheme === 'light') {
      await page.screenshot({ path: join(out, 'welcome.png') });
      await page.getByRole('button', { name: 'Open sample desk' }).click();
    }
    await page.getByTestId('article-item').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, `board-${scheme}.png`) });
    const badge = page.getByTestId('conflict-badge').first();
    if (await badge.count()) {
      await badge.click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(out, `conflict-${scheme}.png`) });
    }
    await page.getByTestId('article-item').first().click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `reader-${scheme}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  child.kill();
}
console.log(`Screenshots in ${out}`);
