/** An article as the Reader gets it names, for each claim on a conflict, that conflict (real desk). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from '../service';

const SAMPLES = resolve(import.meta.dirname, '../../../resources/samples');

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-disputes-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('articles:get', () => {
  it('lists the conflicts each of its claims is on, with their status', async () => {
    await service.importPaths([SAMPLES]);
    const h = service.handlers();
    const [first] = await h['conflicts:list']({});
    const detail = await h['conflicts:get']({ id: first!.id });
    const side = detail.sides[0]!;
    await h['conflicts:setStatus']({ id: detail.id, status: 'confirmed' });
    const article = await h['articles:get']({ id: side.article.id });
    expect(article.disputes).toContainEqual({
      claimId: side.claim.id,
      conflictId: detail.id,
      kind: detail.kind,
      status: 'confirmed',
    });
    const own = new Set(article.claims.map((c) => c.id));
    for (const d of article.disputes) expect(own.has(d.claimId)).toBe(true);
  });
});
