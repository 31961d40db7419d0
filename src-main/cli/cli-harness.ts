/**
 * What every CLI test needs: a fresh folder per test, a desk path in it, and the lines
 * the command printed (console output captured, never shown). Call at the top level of a
 * test file; the hooks it registers clean up after each test.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliRun {
  /** This test's folder. */
  readonly dir: string;
  /** The desk file in it. */
  desk(): string;
  /** What the commands printed since the last `clear()`. */
  printed(): string;
  /** The printed output read as JSON. */
  json<T = Record<string, unknown>>(): T;
  clear(): void;
}

export function cliHarness(prefix: string): CliRun {
  let dir = '';
  let out: string[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    out = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    desk: () => join(dir, 'd.claimdesk'),
    printed: () => out.join('\n'),
    json: <T>() => JSON.parse(out.join('\n')) as T,
    clear: () => void (out = []),
  };
}
