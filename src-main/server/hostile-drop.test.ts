/**
 * One drop of the files that used to freeze the browser mode, sent over a real socket to
 * a real desk: a 5 MB line without a space, a page nested 2,000 elements deep, a 1 MB
 * Word file that unpacks to a gigabyte, a folder holding a loop of links, and two good
 * articles. All are made here, at test time.
 *
 * While the drop is read the server keeps answering: a desk request sent once the import
 * is under way is answered before the import is (the order is asserted, not a time; the
 * times are printed by `claimdesk faults hostile`), and so is Cancel. Each bad file is
 * named with what was wrong, the good articles land, and the desk ends as a desk holding
 * only the good articles would: same counts, integrity ok.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from './server';
import { DeskService } from '../core/service';
import { serveDesk } from './serve-desk';
import { hostileDrop, type HostileDrop } from '../core/synth/hostile-drop';
import type { DeskInfo, ImportReport } from '../shared/views';

let dir: string;
let service: DeskService;
let server: RunningServer;
let drop: HostileDrop;

async function call<T>(method: string, input: unknown): Promise<{ status: number; ok: boolean; value: T }> {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, ...((await res.json()) as { ok: boolean; value: T }) };
}

/**
 * Resolves when the import starts reading the files sent by content (the folder, sent by
 * path, is imported just before them): the hostile files are in the reader's hands.
 */
function importUnderWay(): Promise<void> {
  return new Promise((resolve) => {
    const off = service.onEvent((event, payload) => {
      if (event !== 'progress') return;
      const p = payload as { job: string; done: number; label: string };
      if (p.job === 'import' && p.done === 0 && p.label === 'line.txt') {
        off();
        resolve();
      }
    });
  });
}

function integrity(s: DeskService): string {
  return (s.database.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .join('; ');
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-hostile-drop-'));
  drop = await hostileDrop(join(dir, 'drop'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'), true);
  server = await serveDesk(service, {
    staticDir: dir,
  });
});
afterEach(async () => {
  await server.close();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a drop of hostile files with two good articles, over HTTP', () => {
  it('keeps answering while it is read, names each bad file, lands the good ones and leaves the desk whole', async () => {
    const order: string[] = [];
    const started = importUnderWay();
    const importing = call<ImportReport>('articles:import', drop.request).then((r) => {
      order.push('import answered');
      return r;
    });
    await started;
    const health = await call<DeskInfo>('desk:info', {});
    order.push('health answered');
    const report = await importing;

    expect(order).toEqual(['health answered', 'import answered']);
    expect(health.status).toBe(200);
    // Answered while the drop was read: the folder's article is stored, the files' are not yet.
    expect(health.value.articleCount).toBe(1);

    expect(report.status, JSON.stringify(report.value)).toBe(200);
    const failed = Object.fromEntries(report.value.failed.map((f) => [f.source, f.reason]));
    expect(Object.keys(failed).sort()).toEqual(['line.txt', 'loop.txt', 'memo.docx']);
    expect(failed['line.txt']).toMatch(
      /^line\.txt is not article text: it runs for more than 1,000,000 characters without a space or line break/,
    );
    expect(failed['memo.docx']).toMatch(
      /^memo\.docx unpacks to 1024 MB, more than the 200 MB a Word document may hold here/,
    );
    expect(failed['loop.txt']).toMatch(
      /loop\.txt is a loop of links that never reaches a file; it was skipped\./,
    );
    // The deep page is read as plain paragraphs; the folder's link back to itself is walked once.
    expect(report.value.imported.map((a) => a.source).sort()).toEqual([
      'deep.html',
      'ferry-a.txt',
      'ferry-b.txt',
    ]);
    expect(report.value.duplicates).toEqual([]);
    const deep = report.value.imported.find((a) => a.source === 'deep.html')!;
    const page = await call<{ text: string }>('articles:get', { id: deep.id });
    expect(page.value.text).toContain('Rescuers said 40 families were moved to the school.');

    // The desk is what a desk holding only the good articles would be.
    const info = (await call<DeskInfo>('desk:info', {})).value;
    const reference = new DeskService({ defaultActor: 'tester' });
    reference.open(join(dir, 'reference.claimdesk'), true);
    try {
      await reference.importPaths(drop.good);
      expect(info).toMatchObject({
        articleCount: 3,
        claimCount: reference.info().claimCount,
        factCount: reference.info().factCount,
        conflictCount: reference.info().conflictCount,
        needsDetection: false,
      });
    } finally {
      reference.close();
    }
    expect(info.conflictCount).toBeGreaterThan(0);
    expect(integrity(service)).toBe('ok');
  }, 180_000);

  it('answers Cancel while the drop is read, stops the drop, and the same drop lands afterwards', async () => {
    const order: string[] = [];
    const started = importUnderWay();
    const importing = call<ImportReport>('articles:import', drop.request).then((r) => {
      order.push('import answered');
      return r;
    });
    await started;
    const cancel = await call<{ cancelled: boolean }>('import:cancel', {});
    order.push('cancel answered');
    const report = await importing;

    expect(order).toEqual(['cancel answered', 'import answered']);
    expect(cancel.value).toEqual({ cancelled: true });
    expect(report.status).toBe(200);
    expect(report.value.cancelled?.remaining).toBeGreaterThan(0);
    // Nothing of the drop was half stored: what landed is whole, and the desk is sound.
    const info = (await call<DeskInfo>('desk:info', {})).value;
    expect(info.articleCount).toBe(report.value.imported.length);
    expect(info.needsDetection).toBe(false);
    expect(integrity(service)).toBe('ok');

    const again = await call<ImportReport>('articles:import', drop.request);
    expect(again.status).toBe(200);
    expect(again.value.cancelled).toBeUndefined();
    expect([...again.value.imported, ...again.value.duplicates].map((a) => a.source).sort()).toEqual([
      'deep.html',
      'ferry-a.txt',
      'ferry-b.txt',
    ]);
    expect((await call<DeskInfo>('desk:info', {})).value).toMatchObject({
      articleCount: 3,
      needsDetection: false,
    });
    expect(integrity(service)).toBe('ok');
  }, 180_000);
});
