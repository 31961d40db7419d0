#!/usr/bin/env node
/**
 * How long a desk takes to show its first board row in the browser mode: the server
 * is started on a copy of the desk, Chromium opens the window at 1440×900 and reloads
 * it; each load is timed from navigation to the first row being visible. The first
 * (cold) load and the median of the warm ones are printed. A measurement, not a test:
 * run it on a kept benchmark desk (npm run bench -- --articles 1000 --keep DIR).
 *
 *   npm run build:renderer
 *   node scripts/board-first-row.mjs DIR/bench-1000.claimdesk [--loads 6]
 */
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
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  for (let i = 0; i < loads; i++) {
    const t = Date.now();
    await page.goto(url);
    await page.getByTestId('board-row').first().waitFor({ state: 'visible' });
    times.push(Date.now() - t);
    // Let the rest of the window (reader, lists) settle before the next load.
    await page.waitForLoadState('networkidle');
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
const warm = times.slice(1).sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)];
console.log(`first board row: cold ${times[0]} ms, warm median ${median} ms (${warm.join(', ')} ms)`);
