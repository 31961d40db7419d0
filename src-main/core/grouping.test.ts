/**
 * Editing the grouping: merge facts, split a fact, move a claim, flag a conflict
 * by hand. Each is in the history and undoable, and re-running detection leaves
 * the editor's grouping alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from './service';
import type { Handlers } from '../shared/contract';

const SAMPLES = resolve(import.meta.dirname, '../../resources/samples');

let dir: string;
let service: DeskService;
let h: Handlers;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-grouping-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
  await service.importPaths([SAMPLES]);
  h = service.handlers();
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

async function claimsOf(factId: number) {
  return (await h['claims:list']({})).filter((c) => c.factId === factId).map((c) => c.id);
}

describe('editing the grouping', () => {
  it('merges two facts and undoes the merge', async () => {
    const facts = await h['facts:list']({});
    const [a, b] = facts;
    const before = { a: await claimsOf(a!.id), b: await claimsOf(b!.id) };
    const merged = await h['facts:merge']({ ids: [a!.id, b!.id] });
    expect(merged.claimCount).toBe(before.a.length + before.b.length);
    expect(await claimsOf(b!.id)).toEqual([]);
    await h['conflicts:detect']({});
    expect((await claimsOf(a!.id)).sort()).toEqual([...before.a, ...before.b].sort());
    await h['history:undo']({});
    expect((await claimsOf(a!.id)).sort()).toEqual(before.a.sort());
    expect((await claimsOf(b!.id)).sort()).toEqual(before.b.sort());
  });

  it('splits claims off into a new fact and moves a claim back', async () => {
    const fact = (await h['facts:list']({})).find((f) => f.claimCount >= 2)!;
    const ids = await claimsOf(fact.id);
    const split = await h['facts:split']({ id: fact.id, claimIds: [ids[0]!] });
    expect(split.label).toContain('split');
    expect(await claimsOf(split.id)).toEqual([ids[0]]);
    expect(await claimsOf(fact.id)).not.toContain(ids[0]);
    await h['claims:move']({ claimId: ids[0]!, factId: fact.id });
    expect(await claimsOf(fact.id)).toContain(ids[0]);
    await h['history:undo']({});
    expect(await claimsOf(split.id)).toEqual([ids[0]]);
    const history = await h['history:list']({ limit: 5 });
    expect(history.map((e) => e.action)).toEqual(
      expect.arrayContaining(['undo', 'claim:move', 'fact:split']),
    );
  });

  it('flags a conflict by hand between any two claims, and undoes it', async () => {
    const claims = await h['claims:list']({});
    const [x, y] = [claims[0]!, claims.find((c) => c.articleId !== claims[0]!.articleId)!];
    const k = await h['conflicts:create']({
      sideA: [x.id],
      sideB: [y.id],
      explanation: 'These cannot both be true.',
    });
    expect(k).toMatchObject({ origin: 'editor', status: 'open', explanation: 'These cannot both be true.' });
    expect(k.sides.map((s) => s.claim.id).sort()).toEqual([x.id, y.id].sort());
    await expect(
      Promise.resolve().then(() => h['conflicts:create']({ sideA: [x.id], sideB: [y.id] })),
    ).rejects.toThrow(/already form conflict/);
    await h['conflicts:detect']({});
    expect((await h['conflicts:get']({ id: k.id })).status).toBe('open');
    await h['history:undo']({});
    await expect(Promise.resolve().then(() => h['conflicts:get']({ id: k.id }))).rejects.toThrow(
      /No conflict/,
    );
  });

  it('keeps a deleted claim deleted and a corrected claim corrected when extraction runs again', async () => {
    const claims = await h['claims:list']({});
    const [gone, fixed] = claims;
    await h['claims:delete']({ id: gone!.id });
    await h['claims:update']({ id: fixed!.id, display: 'corrected by the desk' });
    await h['extract:rerun']({});
    const after = await h['claims:list']({});
    expect(after.find((c) => c.id === gone!.id)).toBeUndefined();
    expect(after.find((c) => c.id === fixed!.id)?.value.display).toBe('corrected by the desk');
  });
});
