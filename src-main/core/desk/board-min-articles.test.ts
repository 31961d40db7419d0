import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from '../service';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/corpus/seeds');

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-min-articles-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('board filter "stated by 2+ articles"', () => {
  it('keeps exactly the facts that two or more articles state, on a real desk of the seeds', async () => {
    await service.importPaths([SEEDS]);
    const h = service.handlers();
    const all = await h['board:page']({ offset: 0, limit: 500, sort: 'conflict', withArticles: true });
    const shared = await h['board:page']({
      offset: 0,
      limit: 500,
      sort: 'conflict',
      withArticles: false,
      minArticles: 2,
    });
    const statedBy = (row: (typeof all.rows)[number]) => Object.keys(row.cells).length;
    const expected = all.rows.filter((r) => statedBy(r) >= 2).map((r) => r.fact.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.rows.length);
    expect(shared.total).toBe(expected.length);
    expect(shared.rows.map((r) => r.fact.id)).toEqual(expected);
    for (const r of shared.rows) expect(statedBy(r)).toBeGreaterThanOrEqual(2);
  });

  it('refuses a count that is not a whole number of articles, naming the field', async () => {
    const { createDispatch } = await import('../dispatch');
    const dispatch = createDispatch(service.handlers());
    const res = await dispatch('board:page', { offset: 0, minArticles: 0.5 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/minArticles/);
  });
});
