/**
 * The desktop app itself. Runs where Electron's binary is installed; elsewhere
 * each test is reported as skipped with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const pathFile = join(ROOT, 'node_modules/electron/path.txt');
const binary = existsSync(pathFile)
  ? join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  : null;
const missing =
  !binary || !existsSync(binary)
    ? "Electron's binary is not installed on this machine (it cannot be downloaded here)"
    : null;
const built = existsSync(join(ROOT, 'out/main/main.js'));

// eslint-disable-next-line no-empty-pattern -- no fixtures needed; testInfo is the second argument.
test('the desktop window is sandboxed and opens a desk', async ({}, testInfo) => {
  testInfo.skip(missing !== null, missing ?? '');
  testInfo.skip(!built, 'the desktop build is missing: run `npm run build` first');
  const home = mkdtempSync(join(tmpdir(), 'claimdesk-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT],
    env: { ...process.env, HOME: home, CLAIMDESK_SQLITE_BINDING: process.env.CLAIMDESK_SQLITE_BINDING ?? '' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('button', { name: /open sample desk/i })).toBeVisible();
    // Sandboxed and isolated: no Node in the page, and the bridge exposes only its three functions.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
    expect(
      await window.evaluate(() => Object.keys((globalThis as { claimdesk?: object }).claimdesk ?? {}).sort()),
    ).toEqual(['invoke', 'on', 'saveFile']);
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
