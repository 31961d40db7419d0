/**
 * Deleting an article is undone exactly: the article comes back with the same claims
 * (so notes and decisions pointing at them hold again), its side of each conflict, the
 * claim a resolution named as right, and its search entries; redo removes it again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from './service';

const SAMPLES = resolve(import.meta.dirname, '../../resources/samples');

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-undo-delete-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('undo of an article deletion', () => {
  it('brings back the article, its claims, its conflict sides, the resolution and search', async () => {
    await service.importPaths([SAMPLES]);
    const h = service.handlers();
    const [conflict] = await h['conflicts:list']({});
    const detail = await h['conflicts:get']({ id: conflict!.id });
    const right = detail.sides[0]!.claim;
    await h['conflicts:resolve']({
      id: detail.id,
      correctClaimId: right.id,
      note: 'Checked against the ministry table.',
    });
    const articleId = right.articleId;
    const article = await h['articles:get']({ id: articleId });
    const word = article.claims[0]!.quote.match(/\p{L}{5,}/u)?.[0] ?? article.title.split(' ')[0]!;
    const hitsBefore = (await h['search:query']({ q: word, limit: 50 })).filter(
      (x) => x.articleId === articleId,
    );
    expect(hitsBefore.length).toBeGreaterThan(0);
    const before = { info: service.info(), conflict: await h['conflicts:get']({ id: detail.id }) };

    await h['articles:delete']({ id: articleId });
    expect((await h['articles:list']({})).some((a) => a.id === articleId)).toBe(false);
    expect((await h['conflicts:get']({ id: detail.id })).correctClaimId).toBeNull();
    expect(
      (await h['search:query']({ q: word, limit: 50 })).filter((x) => x.articleId === articleId),
    ).toEqual([]);

    await h['history:undo']({});
    const back = await h['articles:get']({ id: articleId });
    expect(back.text).toBe(article.text);
    expect(back.claims.map((c) => [c.id, c.quote])).toEqual(article.claims.map((c) => [c.id, c.quote]));
    const restored = await h['conflicts:get']({ id: detail.id });
    expect(restored.status).toBe('resolved');
    expect(restored.correctClaimId).toBe(right.id);
    const sides = (c: typeof restored) => c.sides.map((s) => `${s.side}:${s.claim.id}`).sort();
    expect(sides(restored)).toEqual(sides(before.conflict));
    expect(restored.notes.map((n) => n.body)).toContain('Checked against the ministry table.');
    expect(
      (await h['search:query']({ q: word, limit: 50 })).filter((x) => x.articleId === articleId),
    ).toEqual(hitsBefore);
    expect(service.info()).toMatchObject({
      articleCount: before.info.articleCount,
      claimCount: before.info.claimCount,
      conflictCount: before.info.conflictCount,
    });

    await h['history:redo']({});
    expect((await h['articles:list']({})).some((a) => a.id === articleId)).toBe(false);
    expect(
      (await h['search:query']({ q: word, limit: 50 })).filter((x) => x.articleId === articleId),
    ).toEqual([]);
  });
});
