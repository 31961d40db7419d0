/**
 * An import killed after its articles were stored and before their conflicts were:
 * the plain re-run finds every article a duplicate, and still ends with the conflicts
 * a clean import gives, and says so. The kill is a real SIGKILL of a child process at
 * the moment matching starts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../cli/main';
import { DeskService } from './service';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = resolve(ROOT, 'resources/samples');

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-interrupted-'));
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function counts(path: string) {
  const service = new DeskService();
  service.open(path, false);
  const info = service.info();
  service.close();
  return info;
}

describe('an import killed before matching', () => {
  it('is finished by the next plain run, with the reference number of conflicts', async () => {
    const reference = join(dir, 'reference.claimdesk');
    expect(await run(['import', '--desk', reference, SAMPLES])).toBe(0);
    const expected = counts(reference);
    expect(expected.conflictCount).toBeGreaterThan(0);

    const desk = join(dir, 'killed.claimdesk');
    const script = join(dir, 'kill-at-matching.mts');
    writeFileSync(
      script,
      `import { DeskService } from ${JSON.stringify(resolve(ROOT, 'src-main/core/service.ts'))};
       const proto = DeskService.prototype as unknown as { detectNow: () => void };
       proto.detectNow = () => process.kill(process.pid, 'SIGKILL');
       const service = new DeskService();
       service.open(${JSON.stringify(desk)});
       await service.importPaths([${JSON.stringify(SAMPLES)}]);`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    const killed = counts(desk);
    expect(killed.articleCount).toBe(expected.articleCount);
    expect(killed.conflictCount).toBe(0);
    expect(killed.needsDetection).toBe(true);

    expect(await run(['import', '--desk', desk, SAMPLES])).toBe(0);
    expect(out.join('\n')).toMatch(
      /An earlier import stopped before matching its articles; matching was completed now/,
    );
    const after = counts(desk);
    expect(after).toMatchObject({
      articleCount: expected.articleCount,
      claimCount: expected.claimCount,
      conflictCount: expected.conflictCount,
      needsDetection: false,
    });
  }, 120_000);
});
