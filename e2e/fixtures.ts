/**
 * Each test gets its own desk and its own browser-mode server: a temp folder (also
 * the server's HOME, so recent-desk lists never leak between tests), a fresh desk
 * file, and the printed address with its token.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
export const SAMPLES = resolve(ROOT, 'resources/samples');

export interface DeskServer {
  /** Base URL without token. */
  url: string;
  /** URL that opens the app with its token. */
  appUrl: string;
  token: string;
  deskPath: string;
  dir: string;
}

export async function startDeskServer(
  dir: string,
  deskPath: string,
  extraArgs: string[] = [],
): Promise<{ server: DeskServer; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src-main/server/main.ts'),
      '--desk',
      deskPath,
      '--port',
      '0',
      '--static',
      join(ROOT, 'out/renderer'),
      ...extraArgs,
    ],
    { cwd: ROOT, env: { ...process.env, HOME: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const appUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const u = new URL(appUrl);
  return { server: { url: u.origin, appUrl, token: u.searchParams.get('token')!, deskPath, dir }, child };
}

export const test = base.extend<{ desk: DeskServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object; this one has none.
  desk: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-'));
    const { server, child } = await startDeskServer(dir, join(dir, 'test.claimdesk'));
    await use(server);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
