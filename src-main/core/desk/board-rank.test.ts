/**
 * "Conflicts first" is a review queue: undecided disagreements before decided ones, and
 * within each, the most consequential first (the widest gap, the most articles), not the
 * alphabet. Checked on a real desk of the sample story.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from '../service';
import { consequence } from './rank';

const SAMPLES = resolve(import.meta.dirname, '../../../resources/samples');

let dir: string;
let service: DeskService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-board-rank-'));
  service = new DeskService({ defaultActor: 'tester' });
  service.open(join(dir, 'desk.claimdesk'));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the board ordered by conflicts', () => {
  it('puts the undecided first, each status from the most consequential disagreement down', async () => {
    await service.importPaths([SAMPLES]);
    const h = service.handlers();
    const severityOf = async (conflictId: number) => {
      const d = await h['conflicts:get']({ id: conflictId });
      const side = (s: 'a' | 'b') => {
        const own = d.sides.filter((x) => x.side === s);
        return { values: own.map((x) => x.claim.value), articleIds: own.map((x) => x.article.id) };
      };
      return consequence({ id: d.id, status: d.status, kind: d.kind, sides: [side('a'), side('b')] });
    };
    const first = await h['board:page']({ offset: 0, limit: 100, sort: 'conflict', withArticles: false });
    const withConflict = first.rows.filter((r) => r.conflicts.length > 0);
    expect(withConflict.length).toBeGreaterThan(3);
    const scores = [];
    for (const r of withConflict) scores.push(await severityOf(r.conflicts[0]!.id));
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThanOrEqual(scores[i - 1]! + 1e-3);
    expect(scores[0]!).toBeGreaterThan(scores.at(-1)!);

    // Deciding the most consequential one moves it below every undecided disagreement.
    const top = withConflict[0]!;
    await h['conflicts:setStatus']({ id: top.conflicts[0]!.id, status: 'confirmed' });
    const after = await h['board:page']({ offset: 0, limit: 100, sort: 'conflict', withArticles: false });
    const order = after.rows.filter((r) => r.conflicts.length > 0).map((r) => r.fact.id);
    expect(order).toEqual([...withConflict.slice(1).map((r) => r.fact.id), top.fact.id]);
  });
});
