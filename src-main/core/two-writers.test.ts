/**
 * Two processes writing one desk: the command line imports while the app records
 * editor actions. Every write transaction starts IMMEDIATE, so a writer waits for the
 * lock (busy timeout) instead of failing with "database is locked" the moment another
 * writer commits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskService } from './service';
import { generateCorpus } from './synth/generate';

const root = resolve(import.meta.dirname, '../..');
const SEEDS = resolve(root, '../shared/corpus/seeds');
let dir = '';

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('two writers on one desk', () => {
  it('lets the CLI import while the window records notes, with no write failing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-writers-'));
    const deskPath = join(dir, 'shared.claimdesk');
    const service = new DeskService({ defaultActor: 'editor' });
    service.open(deskPath, true);
    await service.importPaths([SEEDS]);
    const folder = join(dir, 'incoming');
    mkdirSync(folder);
    for (const f of generateCorpus({ articles: 120, seed: 7 }).files)
      writeFileSync(join(folder, f.name), f.text);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/cli/main.ts', 'import', '--desk', deskPath, folder],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));

    const h = service.handlers();
    const failures: string[] = [];
    let written = 0;
    let running = true;
    void exited.then(() => (running = false));
    while (running || written < 40) {
      try {
        await h['notes:add']({ targetType: 'article', targetId: 1, body: `checked ${written}` });
        written++;
      } catch (err) {
        failures.push(String(err));
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const code = await exited;
    expect(failures).toEqual([]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/120 imported, 0 duplicate, 0 failed/);
    expect(service.info().articleCount).toBe(125);
    service.close();
  }, 120_000);
});
