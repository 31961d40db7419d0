/**
 * Resolving a conflict names the right value, not one claim: every article giving that
 * value is right, including one imported after the decision, and the notes and CSV
 * name the value with all its outlets. On a real desk, through the contract.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshDesk } from './test-support/fresh-desk';
import type { DeskService } from './service';
import { clustersOfDetail, rightClusterOfDetail } from '../shared/value-clusters';

const STORY = resolve(import.meta.dirname, '../../test-stories/bozkaya-floods');
let service: DeskService;

useFreshDesk('claimdesk-resolve-value-', (d) => ({ service } = d));

const file = (name: string, data: string) => ({ name, data, encoding: 'utf8' as const });
const story = (name: string) => file(name, readFileSync(join(STORY, name), 'utf8'));

describe('resolving a conflict by value', () => {
  it('records the value judged right, which covers later articles giving it, and exports it with its outlets', async () => {
    const h = service.handlers();
    const report = await service.importFiles([story('01-anka-news.txt'), story('02-daily-courier.txt')]);
    const [anka, courier] = report.imported.map((a) => a.id);
    await h['articles:update']({ id: anka!, outlet: 'Anka' });
    await h['articles:update']({ id: courier!, outlet: 'Daily Courier' });
    const evacuated = async () =>
      (await h['conflicts:list']({})).find(
        (k) => /12,400/.test(k.explanation) && /21,400/.test(k.explanation),
      )!;
    const conflict = await evacuated();
    expect(conflict).toBeDefined();

    const before = await h['conflicts:get']({ id: conflict.id });
    const clusters = clustersOfDetail(before);
    expect(clusters.map((k) => k.display).sort()).toEqual([
      expect.stringMatching(/12,400/),
      expect.stringMatching(/21,400/),
    ]);
    const courierValue = clusters.find((k) => /21,400/.test(k.display))!;

    // A claim that is not on the conflict is refused and changes nothing.
    const stranger = (await h['claims:list']({ articleId: anka! })).find(
      (c) => !before.sides.some((s) => s.claim.id === c.id),
    )!;
    await expect(
      Promise.resolve().then(() => h['conflicts:resolve']({ id: conflict.id, correctClaimId: stranger.id })),
    ).rejects.toThrow(/is not one of the claims of conflict/);
    expect((await h['conflicts:get']({ id: conflict.id })).status).toBe(before.status);

    const resolved = await h['conflicts:resolve']({
      id: conflict.id,
      correctClaimId: courierValue.claimIds[0]!,
      note: 'Civil defence register: 21,400.',
    });
    expect(resolved.status).toBe('resolved');
    expect(resolved.correctValue).toBe(courierValue.key);
    expect(rightClusterOfDetail(resolved)?.outlets).toEqual(['Daily Courier']);

    // A third article repeats the right value: the decision stands and now covers it too.
    const radio = await service.importFiles([
      file(
        '05-valley-radio.txt',
        ' date 2024-10-16 Evacuations continue\n\nCivil defence officials said 21,400 people had been evacuated from the valley by Wednesday.\n',
      ),
    ]);
    await h['articles:update']({ id: radio.imported[0]!.id, outlet: 'Valley Radio' });
    const after = await h['conflicts:get']({ id: conflict.id });
    expect(after.status).toBe('resolved');
    const right = rightClusterOfDetail(after)!;
    expect(right.display).toMatch(/21,400/);
    expect(right.outlets.sort()).toEqual(['Daily Courier', 'Valley Radio']);
    expect(right.articleIds).toContain(radio.imported[0]!.id);

    const md = (await h['export:run']({ format: 'md', scope: 'desk', includeDismissed: false })).data;
    const entry = md.slice(md.indexOf(`### Conflict ${conflict.id}:`));
    expect(entry).toMatch(
      /\*\*Right version:\*\* Side [AB]: “[^”]*21,400[^”]*”, as Daily Courier and Valley Radio report \(2 articles\)\./,
    );
    // The other value is marked wrong, the right one right, each once.
    expect(entry.match(/— \*\*right\*\*/g)).toHaveLength(1);
    expect(entry).toMatch(/12,400[^\n]*— \*\*wrong\*\*/);
    const csv = (await h['export:run']({ format: 'csv-conflicts', scope: 'desk', includeDismissed: false }))
      .data;
    expect(csv).toMatch(/“[^”]*21,400[^”]*” \(Daily Courier, Valley Radio\)/);

    // Undo takes the value back off the conflict with the rest of the decision.
    await h['history:undo']({});
    await h['history:undo']({}); // the outlet of the radio article
    const undone = await h['conflicts:get']({ id: conflict.id });
    expect(undone.status).not.toBe('resolved');
    expect(undone.correctValue ?? null).toBeNull();
  });

  it('records "none of the values" without a value', async () => {
    const h = service.handlers();
    await service.importFiles([story('01-anka-news.txt'), story('02-daily-courier.txt')]);
    const conflict = (await h['conflicts:list']({})).find((k) => /12,400/.test(k.explanation))!;
    const d = await h['conflicts:resolve']({ id: conflict.id, correctClaimId: null });
    expect(d.correctNeither).toBe(true);
    expect(d.correctValue ?? null).toBeNull();
    expect(rightClusterOfDetail(d)).toBeNull();
    const md = (await h['export:run']({ format: 'md', scope: 'desk', includeDismissed: false })).data;
    expect(md.slice(md.indexOf(`### Conflict ${conflict.id}:`))).toContain(
      '**Right version:** None of the values is right.',
    );
  });
});
