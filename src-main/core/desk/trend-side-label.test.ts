/**
 * On the sample desk, the growth conflict's board row names each side's direction as an
 * editor would say it, the figures' side by the change they show.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFreshDesk, type FreshDesk } from '../test-support/fresh-desk';

const SAMPLES = resolve(import.meta.dirname, '../../../resources/samples');

let desk: FreshDesk;
useFreshDesk('claimdesk-trend-label-', (d) => (desk = d));

describe('the board row of a growth conflict', () => {
  it('reads “rose” against “fell 13% from 2022 to 2024”, not a figure or a list of wordings', async () => {
    await desk.service.importPaths([SAMPLES]);
    const page = await desk.h['board:page']({ offset: 0, limit: 200 } as never);
    const trend = page.rows.flatMap((r) => r.conflicts).filter((c) => c.kind === 'trend_contradiction');
    expect(trend).toHaveLength(1);
    expect((trend[0]!.values ?? []).map((v) => [v.side, v.display, v.articleIds.length])).toEqual([
      ['a', 'rose', 2],
      ['b', 'fell 13% from 2022 to 2024', 2],
    ]);
    // Side B is the figures (with the wording that agrees with them), named by their change.
    const detail = await desk.h['conflicts:get']({ id: trend[0]!.id });
    expect(detail.sides.some((s) => s.side === 'b' && s.claim.kind === 'figure')).toBe(true);
  });
});
