#!/usr/bin/env node
/**
 * How long a desk takes to show its first board row in the browser mode: the server
 * is started on a copy of the desk, Chromium opens the window at 1440×900 and reloads
 * it; each load is timed from the start of the navigation to the animation frame in
 * which the first row is drawn, read inside the page (Playwright's own wait polls
 * every 500 ms after its first tries, too coarse to time this). The first (cold) load
 * and the median of the warm ones are printed, and the same as seen from outside the
 * page (navigation to Playwright seeing the row). A measurement, not a test: run it
 * on a kept benchmark desk (npm run bench -- --articles 1000 --keep DIR).
 *
 *   npm run build:renderer
 *   node scripts/board-first-row.mjs DIR/bench-1000.claimdesk [--loads 6]
 */
/* global window, document, MutationObserver, requestAnimationFrame -- the functions run in the page */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/board-first-row.mjs DESK [--loads N]');
  process.exit(2);
}
const at = process.argv.indexOf('--loads');
const loads = at > 0 ? Math.max(2, Number(process.argv[at + 1]) || 6) : 6;
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-first-row-'));
const desk = join(dir, 'desk.claimdesk');
copyFileSync(source, desk);

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    join(root, 'src-main/server/main.ts'),
    '--desk',
    desk,
    '--port',
    '0',
    '--static',
    join(root, 'out/renderer'),
  ],
  { cwd: root, env: { ...process.env, HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
);
let output = '';
const url = await new Promise((res, rej) => {
  const on = (c) => {
    output += c;
    const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
    if (m) res(m[1]);
  };
  child.stdout.on('data', on);
  child.stderr.on('data', on);
  child.on('exit', (code) => rej(new Error(`server exited with ${code}:\n${output}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const times = [];
const seen = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // In every load: the frame in which the first board row is drawn, in ms from the navigation's start.
  await page.addInitScript(() => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="board-row"]')) return;
      watch.disconnect();
      requestAnimationFrame(() => (window.__firstRowAt = performance.now()));
    });
    watch.observe(document, { childList: true, subtree: true });
  });
  for (let i = 0; i < loads; i++) {
    const t = Date.now();
    await page.goto(url);
    await page.getByTestId('board-row').first().waitFor({ state: 'visible' });
    seen.push(Date.now() - t);
    await page.waitForFunction(() => window.__firstRowAt !== undefined);
    times.push(Math.round(await page.evaluate(() => window.__firstRowAt)));
    // Let the rest of the window (reader, lists) settle before the next load.
    await page.waitForLoadState('networkidle');
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
function report(label, list) {
  const warm = list.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)];
  console.log(`${label}: cold ${list[0]} ms, warm median ${median} ms (${warm.join(', ')} ms)`);
}
report('first board row', times);
report('seen by Playwright', seen);
