/**
 * A desk opened read-only (`npm run web -- --read-only`, and any desk whose file or
 * folder cannot be written): the editor sees a banner saying decisions are disabled,
 * reads the board and a conflict as usual, cannot start an import, and a decision is
 * answered with the read-only message while the conflict keeps its status.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ROOT, SEEDS, startDeskServer, type DeskServer } from './fixtures';
import { DeskPage } from './pages/desk-page';
import { BoardPage } from './pages/board-page';

const test = base.extend<{ readOnlyDesk: DeskServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object; this one has none.
  readOnlyDesk: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-read-only-'));
    const deskPath = join(dir, 'seeds.claimdesk');
    const seeds = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SEEDS, f));
    const made = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'import', '--desk', deskPath, ...seeds],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOME: dir } },
    );
    if (made.status !== 0) throw new Error(`could not make the desk: ${made.stderr}`);
    const named = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'settings', '--desk', deskPath, '--editor', 'Ana Editor'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOME: dir } },
    );
    if (named.status !== 0) throw new Error(`could not name the editor: ${named.stderr}`);
    const { server, child } = await startDeskServer(dir, deskPath, ['--read-only']);
    await use(server);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

test('a read-only desk shows its banner, reads as usual and refuses a decision with the message', async ({
  page,
  readOnlyDesk,
}, testInfo) => {
  const app = new DeskPage(page, readOnlyDesk);
  const board = new BoardPage(page);
  await app.open();
  await expect(page.getByTestId('read-only-banner')).toContainText(
    'Opened read-only: decisions are disabled.',
  );
  await expect(app.articles).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Import…' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Paste text…' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await board.openConflict(/first-ever/i, /novelty/i, /first-ever/i);
  await expect(board.status).toContainText('suggested');
  await page.screenshot({ path: testInfo.outputPath('read-only.png') });
  const decision = board.panel.getByRole('toolbar', { name: 'Decision' });
  for (const action of ['Confirm', 'Dismiss', 'Resolve', 'Add note'])
    await expect(decision.getByRole('button', { name: action })).toBeDisabled();

  // The keys are answered with the reason, and nothing opens that could not be saved.
  await page.keyboard.press('c');
  await expect(page.getByRole('status').filter({ hasText: 'open read-only' })).toContainText(
    'decisions, notes and regrouping cannot be saved',
  );
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(board.status).toContainText('suggested');
});
