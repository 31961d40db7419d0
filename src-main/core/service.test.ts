import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from './service';
import { createDispatch } from './dispatch';

const SEEDS = resolve(import.meta.dirname, '../../../shared/corpus/seeds');

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-service-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import', () => {
  it('imports a folder of articles with their publication dates and claims', async () => {
    const report = await service.importPaths([SEEDS]);
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(5);
    const list = await service.handlers()['articles:list']({});
    expect(list.map((a) => a.source)).toEqual(readdirSync(SEEDS).sort());
    const dated = list.filter((a) => a.publishedAt !== null).map((a) => a.publishedAt);
    expect(dated.sort()).toEqual(['2025-05-09', '2026-01-27']);
    for (const a of list) {
      expect(a.title.length).toBeGreaterThan(10);
      expect(a.claimCount).toBeGreaterThan(3);
    }
  });

  it('keeps the text exactly, so every claim offset slices its quote', async () => {
    await service.importPaths([SEEDS]);
    const handlers = service.handlers();
    for (const a of await handlers['articles:list']({})) {
      const detail = await handlers['articles:get']({ id: a.id });
      for (const c of detail.claims) expect(detail.text.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it('reports the same text imported twice as a duplicate, even with other line ends', async () => {
    const src = join(SEEDS, readdirSync(SEEDS).sort()[0]!);
    await service.importPaths([src]);
    const crlf = join(dir, 'copy.txt');
    writeFileSync(crlf, (await import('node:fs')).readFileSync(src, 'utf8').replace(/\n/g, '\r\n'));
    const again = await service.importPaths([crlf]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toMatchObject([{ source: 'copy.txt' }]);
    expect(service.info().articleCount).toBe(1);
  });

  it('names each bad file and why, and still imports the good ones', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    for (const f of readdirSync(SEEDS).slice(0, 2)) copyFileSync(join(SEEDS, f), join(folder, f));
    writeFileSync(join(folder, 'empty.txt'), '   \n\n');
    writeFileSync(
      join(folder, 'binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0]),
    );
    writeFileSync(
      join(folder, 'utf16.txt'),
      Buffer.from('Plain words in UTF-16 without a byte-order mark.', 'utf16le'),
    );
    writeFileSync(join(folder, 'huge.txt'), Buffer.alloc(21 * 1024 * 1024, 'a'));
    const report = await service.importPaths([folder]);
    expect(report.imported.map((a) => a.source).sort()).toEqual(readdirSync(SEEDS).slice(0, 2).sort());
    const reasons = Object.fromEntries(report.failed.map((f) => [f.source, f.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['binary.txt', 'empty.txt', 'huge.txt', 'utf16.txt']);
    expect(reasons['empty.txt']).toMatch(/empty/i);
    expect(reasons['huge.txt']).toMatch(/20 MB/);
    expect(reasons['binary.txt']).toMatch(/binary|not UTF-8|not text/i);
    expect(reasons['utf16.txt']).toMatch(/UTF-16|not UTF-8/i);
    expect(service.info().articleCount).toBe(2);
  });

  it('imports pasted text as one article titled by its first line', async () => {
    const report = await service.handlers()['articles:paste']({
      text: 'Harbour reopens after repairs\n\nThe harbour reopened on Monday after repairs costing €4.5 million, the port authority said.',
    });
    expect(report.imported).toHaveLength(1);
    expect(report.imported[0]!.title).toBe('Harbour reopens after repairs');
  });
});

describe('cancelling an import', () => {
  it('stops after the batch in hand, reports what was not imported, and leaves whole articles only', async () => {
    const files = Array.from({ length: 60 }, (_, i) => ({
      name: `story-${i}.txt`,
      data: `Story ${i}\n\nThe council approved ${i + 3} new bridges on Monday, the first since ${1990 + i}, at a cost of €${i + 1}.5 million.`,
      encoding: 'utf8' as const,
    }));
    let asked = false;
    service.onEvent((event, payload) => {
      const p = payload as { job?: string; done?: number };
      if (event === 'progress' && p.job === 'import' && (p.done ?? 0) > 0 && !asked) {
        asked = true;
        expect(service.cancelImport()).toEqual({ cancelled: true });
      }
    });
    const report = await service.handlers()['articles:import']({ files });
    expect(report.cancelled?.remaining).toBeGreaterThan(0);
    expect(report.imported.length + report.failed.length + report.cancelled!.remaining).toBe(60);
    const list = await service.handlers()['articles:list']({});
    expect(list).toHaveLength(report.imported.length);
    for (const a of list) expect(a.claimCount).toBeGreaterThan(0);
    expect(service.cancelImport()).toEqual({ cancelled: false });
  });
});

describe('the contract over a dispatcher', () => {
  it('rejects unknown methods and invalid input with clear messages', async () => {
    const dispatch = createDispatch(service.handlers());
    expect(await dispatch('articles:burn', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    const bad = await dispatch('articles:get', { id: -3 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!bad.ok && bad.error.message).toMatch(/articles:get.*"id"/);
    expect(await dispatch('articles:get', { id: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch('articles:list', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('claims an editor adds', () => {
  it('get a full value and a frame read from their sentence', async () => {
    const text =
      ' date 2024-10-16 Valley evacuated\n\nRescue teams evacuated 12,400 people from the valley, officials said.\n';
    await service.importFiles([{ name: 'valley.txt', data: text, encoding: 'utf8' }]);
    const h = service.handlers();
    const [article] = await h['articles:list']({});
    const body = (await h['articles:get']({ id: article!.id })).text;
    const start = body.indexOf('12,400 people');
    // A figure over what the extractor read as a count: a kind of its own, with its amount and frame.
    const added = await h['claims:add']({
      articleId: article!.id,
      start,
      end: start + '12,400 people'.length,
      kind: 'figure',
    });
    expect(added.value).toMatchObject({ type: 'figure', amount: 12400, frame: { property: 'evacuated' } });
  });
});

describe('claim values at the boundary', () => {
  it('refuses a malformed value with a message naming it, and detection still runs', async () => {
    await service.importPaths([SEEDS]);
    const dispatch = createDispatch(service.handlers());
    const [claim] = await service.handlers()['claims:list']({ kind: 'figure' });
    expect(claim).toBeDefined();
    for (const value of [
      { type: 'zzz' },
      { type: 'figure' },
      { type: 'figure', amount: 'a lot', display: 'x' },
    ]) {
      const r = await dispatch('claims:update', { id: claim!.id, value });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(!r.ok && r.error.message).toMatch(/claims:update.*value/);
    }
    const before = service.info().conflictCount;
    expect((await service.detect()).conflicts).toBe(before);
  });
});

describe('editor decisions', () => {
  it('records decisions in the history, undoes and redoes them, and keeps them across reopening', async () => {
    await service.importPaths([SEEDS]);
    const h = service.handlers();
    const [first, second] = await h['conflicts:list']({});
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    // The window sends its editor's name with each call.
    await service.actingAs('Ana Editor', async () => {
      await h['conflicts:setStatus']({
        id: first!.id,
        status: 'confirmed',
        note: 'Le Duan visited earlier.',
      });
      await h['conflicts:setStatus']({ id: second!.id, status: 'dismissed', reason: 'Different events.' });
    });

    expect((await h['history:undo']({})).entry?.action).toBe('conflict:dismissed');
    expect((await h['conflicts:get']({ id: second!.id })).status).toBe('suggested');
    expect((await h['history:redo']({})).entry?.action).toBe('conflict:dismissed');
    const dismissed = await h['conflicts:get']({ id: second!.id });
    expect(dismissed.status).toBe('dismissed');
    expect(dismissed.reason).toBe('Different events.');

    service.close();
    service = new DeskService();
    service.open(join(dir, 'desk.claimdesk'), false);
    const again = service.handlers();
    const confirmed = await again['conflicts:get']({ id: first!.id });
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.notes.map((n) => [n.body, n.editor])).toEqual([
      ['Le Duan visited earlier.', 'Ana Editor'],
    ]);
    expect(confirmed.history[0]).toMatchObject({ actor: 'Ana Editor', action: 'conflict:confirmed' });
    // Undo still works after a restart: the stacks come from the log.
    expect((await again['history:undo']({})).entry?.action).toBe('conflict:dismissed');
    expect((await again['conflicts:get']({ id: second!.id })).status).toBe('suggested');
  });

  it('keeps decisions when extraction and detection run again', async () => {
    await service.importPaths([SEEDS]);
    const h = service.handlers();
    const list = await h['conflicts:list']({});
    const target = list[0]!;
    await h['conflicts:setStatus']({ id: target.id, status: 'dismissed', reason: 'Checked with the desk.' });
    await h['extract:rerun']({});
    await h['conflicts:detect']({});
    const after = await h['conflicts:get']({ id: target.id });
    expect(after.status).toBe('dismissed');
    expect(after.reason).toBe('Checked with the desk.');
    expect((await h['conflicts:list']({})).length).toBe(list.length);
  });

  it('undoes a note added to a conflict', async () => {
    await service.importPaths([SEEDS]);
    const h = service.handlers();
    const [k] = await h['conflicts:list']({});
    await h['notes:add']({ targetType: 'conflict', targetId: k!.id, body: 'Call the embassy.' });
    expect((await h['conflicts:get']({ id: k!.id })).notes).toHaveLength(1);
    await h['history:undo']({});
    expect((await h['conflicts:get']({ id: k!.id })).notes).toHaveLength(0);
    await h['history:redo']({});
    expect((await h['conflicts:get']({ id: k!.id })).notes).toHaveLength(1);
  });

  it('puts facts waiting for a decision at the top of the board, and moves a decided one down', async () => {
    await service.importPaths([SEEDS]);
    const h = service.handlers();
    const page = await h['board:page']({ offset: 0, limit: 500, sort: 'conflict', withArticles: true });
    expect(page.total).toBe(page.rows.length);
    expect(page.articles).toHaveLength(5);
    const pending = (r: (typeof page.rows)[number]) =>
      r.conflicts.some((c) => c.status === 'suggested' || c.status === 'open');
    const firstCalm = page.rows.findIndex((r) => !pending(r));
    expect(firstCalm).toBeGreaterThan(0);
    expect(page.rows.slice(firstCalm).some(pending)).toBe(false);

    const top = page.rows[0]!;
    for (const c of top.conflicts)
      await h['conflicts:setStatus']({ id: c.id, status: 'dismissed', reason: 'Checked.' });
    const after = await h['board:page']({ offset: 0, limit: 500, sort: 'conflict', withArticles: true });
    const moved = after.rows.findIndex((r) => r.fact.id === top.fact.id);
    expect(moved).toBeGreaterThanOrEqual(firstCalm - 1);
    await h['history:undo']({});
    const undone = await h['board:page']({ offset: 0, limit: 500, sort: 'conflict', withArticles: true });
    expect(undone.rows.findIndex((r) => r.fact.id === top.fact.id)).toBeLessThan(firstCalm);
  });
});
