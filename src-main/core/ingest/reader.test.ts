/**
 * Import files are read off the desk's thread, each within a budget: the desk answers
 * while a slow file is read, a file over its budget is named and skipped while the
 * rest land, and Cancel stops the file in hand instead of waiting for it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskService } from '../service';
import { ArticleReader } from './reader';

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-reader-'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A file whose one line lists values for half a minute or more of extraction; its 200,000
 * numbers are as many as an article may name, so it is read rather than refused at once.
 */
function slowFile(folder: string): void {
  writeFileSync(join(folder, 'a-data-dump.txt'), 'the index rose 12% to 3 points '.repeat(100_000));
}

function goodFile(folder: string): void {
  writeFileSync(
    join(folder, 'b-story.txt'),
    'Ferry back in service\n\nThe operator said 14 crossings ran on Monday.\n',
  );
}

describe('reading import files in a worker', () => {
  it('names a file over its time budget, skips it, imports the rest, and answers meanwhile', async () => {
    service = new DeskService({ defaultActor: 'tester', reader: { baseMs: 3000, perMbMs: 0 } });
    service.open(join(dir, 'desk.claimdesk'));
    const folder = join(dir, 'drop');
    mkdirSync(folder);
    slowFile(folder);
    goodFile(folder);
    let importDone = false;
    const importing = service.importPaths([folder]).then((r) => {
      importDone = true;
      return r;
    });
    // While the worker reads the dump, the desk still answers.
    await new Promise((r) => setTimeout(r, 300));
    const info = await service.handlers()['desk:info']({});
    expect(importDone).toBe(false);
    expect(info.articleCount).toBe(0);
    const report = await importing;
    expect(report.failed).toEqual([
      { source: 'a-data-dump.txt', reason: 'a-data-dump.txt took longer than 3 s to read; it was skipped.' },
    ]);
    expect(report.imported.map((a) => a.source)).toEqual(['b-story.txt']);
  }, 60_000);

  it('stops the file in hand when the editor cancels', async () => {
    service = new DeskService({ defaultActor: 'tester', reader: { baseMs: 600_000 } });
    service.open(join(dir, 'desk.claimdesk'));
    const folder = join(dir, 'drop');
    mkdirSync(folder);
    slowFile(folder);
    goodFile(folder);
    const started = new Promise<void>((resolve) =>
      service.onEvent((event, payload) => {
        if (event === 'progress' && (payload as { job: string }).job === 'import') resolve();
      }),
    );
    const importing = service.importPaths([folder]);
    await started;
    await new Promise((r) => setTimeout(r, 300));
    expect(service.cancelImport()).toEqual({ cancelled: true });
    const report = await importing;
    expect(report.cancelled).toBeDefined();
    expect(report.failed).toEqual([]);
    expect(report.imported).toEqual([]);
    expect(service.info().articleCount).toBe(0);
  }, 60_000);

  it('reads again after its worker was released, and a release never stops a file in hand', async () => {
    service = new DeskService({ defaultActor: 'tester' });
    const reader = new ArticleReader();
    try {
      const story = 'Ferry back in service\n\nThe operator said 14 crossings ran on Monday.\n';
      const first = reader.read('a.txt', Buffer.from(story));
      reader.release();
      expect((await first).extraction.claims.map((c) => c.exact)).toContain('14 crossings');
      reader.release();
      const second = await reader.read('b.txt', Buffer.from(story.replace('14', '15')));
      expect(second.extraction.claims.map((c) => c.exact)).toContain('15 crossings');
    } finally {
      reader.close();
    }
  }, 60_000);
});
