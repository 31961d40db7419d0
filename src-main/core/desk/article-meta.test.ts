import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskService } from '../service';
import { parseInput } from '../../shared/contract';
import { exportMarkdown } from '../export/index';

const TEXT = [
  'Ferry passengers queue at the harbour gate. Photo: Ida Kern',
  '',
  'Ferry fares to rise in January',
  '',
  'KESTREL BAY — Fares will rise by 5% from January, the operator said on Monday.',
].join('\n');

let dir: string;
let service: DeskService;
let id: number;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-article-meta-'));
  service = new DeskService({ defaultActor: 'Ana' });
  service.open(join(dir, 'd.claimdesk'));
  const report = await service.handlers()['articles:paste']({ text: TEXT });
  id = report.imported[0]!.id;
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

const update = async (input: Record<string, unknown>) =>
  service.handlers()['articles:update'](parseInput('articles:update', { id, ...input }));
const get = () => service.handlers()['articles:get']({ id });

describe('article details an editor corrects', () => {
  it('change the citations, go into the history and come back on undo', async () => {
    const before = await get();
    expect(before.title).toBe('Ferry fares to rise in January');
    expect(before.outlet).toBeNull();
    await update({
      outlet: 'Coastal Post',
      publishedAt: '2024-10-05',
      url: 'https://coastal.example/fares',
      author: 'Ida Kern',
    });
    const after = await get();
    expect([after.outlet, after.publishedAt, after.url, after.author]).toEqual([
      'Coastal Post',
      '2024-10-05',
      'https://coastal.example/fares',
      'Ida Kern',
    ]);
    expect(after.text).toBe(before.text);
    const md = exportMarkdown(service.database, { includeDismissed: true });
    expect(md).toContain(
      'Coastal Post, “Ferry fares to rise in January”, 5 October 2024, [https://coastal.example/fares]',
    );
    const entry = (await service.handlers()['history:list']({}))[0]!;
    expect(entry).toMatchObject({
      actor: 'Ana',
      action: 'article:update',
      summary: `Corrected the details of article ${id}`,
    });

    await service.handlers()['history:undo']({});
    const undone = await get();
    expect([undone.outlet, undone.publishedAt, undone.url, undone.author, undone.title]).toEqual([
      null,
      null,
      null,
      null,
      'Ferry fares to rise in January',
    ]);
    await service.handlers()['history:redo']({});
    expect((await get()).outlet).toBe('Coastal Post');
  });

  it('refuse a bad date, address or empty title with a message naming it, and keep what was stored', async () => {
    await update({ outlet: 'Coastal Post' });
    const history = (await service.handlers()['history:list']({})).length;
    await expect(update({ publishedAt: '2024-02-30' })).rejects.toThrow(
      /^"2024-02-30" is not a publication date; give it as YYYY-MM-DD/,
    );
    await expect(update({ publishedAt: '05/10/2024' })).rejects.toThrow(/is not a publication date/);
    await expect(update({ url: 'javascript:alert(1)' })).rejects.toThrow(
      /^Article address: "javascript:alert\(1\)" is a javascript: address/,
    );
    await expect(update({ title: '   ' })).rejects.toThrow(/title/);
    expect((await get()).outlet).toBe('Coastal Post');
    expect((await service.handlers()['history:list']({})).length).toBe(history);
  });

  it('accept a partial date and clear a field with an empty value', async () => {
    await update({ publishedAt: '2024-10', outlet: 'Coastal Post' });
    expect((await get()).publishedAt).toBe('2024-10');
    await update({ outlet: '' });
    expect((await get()).outlet).toBeNull();
    const md = exportMarkdown(service.database, { includeDismissed: true });
    expect(md).toContain('outlet unknown, “Ferry fares to rise in January”, October 2024');
    expect(md).not.toMatch(/--\d\d/);
  });
});
