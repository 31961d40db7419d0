/**
 * A board page can bring only its own article columns (withArticles 'page'): the
 * articles stating something on its rows, in desk order and with the same details
 * as the full list, so a window on a desk of a thousand articles does not receive
 * a thousand summaries with every page. Real desk of the sample articles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from '../service';
import { createDispatch } from '../dispatch';
import type { BoardPage } from '../../shared/views';

const SAMPLES = resolve(import.meta.dirname, '../../../resources/samples');

let dir: string;
let service: DeskService;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-page-articles-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
  await service.importPaths(
    readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SAMPLES, f)),
  );
});
afterAll(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a board page with its own article columns', () => {
  it('names exactly the articles stating something on its rows, as the full list describes them', async () => {
    const dispatch = createDispatch(service.handlers());
    const page = async (offset: number, withArticles: boolean | 'page') => {
      const r = await dispatch('board:page', { offset, limit: 1, sort: 'conflict', withArticles });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as BoardPage;
    };
    const every = (await page(0, true)).articles;
    expect(every.length).toBe(5);
    const total = (await page(0, true)).total;
    let narrower = 0;
    for (let offset = 0; offset < total; offset++) {
      const own = await page(offset, 'page');
      const stating = Object.keys(own.rows[0]!.cells).map(Number);
      expect(own.articles.map((a) => a.id).sort((x, y) => x - y)).toEqual(stating.sort((x, y) => x - y));
      // Desk order and the very same details as the full list.
      expect(own.articles).toEqual(every.filter((a) => stating.includes(a.id)));
      if (own.articles.length < every.length) narrower++;
    }
    expect(narrower).toBeGreaterThan(0);
    // Later pages still need not carry any.
    expect((await page(1, false)).articles).toEqual([]);
  });

  it('refuses another word for the articles, naming the field', async () => {
    const dispatch = createDispatch(service.handlers());
    const res = await dispatch('board:page', { offset: 0, withArticles: 'some' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/withArticles/);
  });
});
