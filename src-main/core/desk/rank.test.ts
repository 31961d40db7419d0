import { describe, expect, it } from 'vitest';
import type { ClaimValue, ConflictStatus } from '../../shared/model';
import { consequence, gap, rankConflicts, reach, type RankInput } from './rank';

const figure = (amount: number): ClaimValue => ({
  type: 'figure',
  amount,
  currency: 'USD',
  unit: null,
  approx: 'exact',
  period: null,
  metric: null,
  parties: [],
  display: `$${amount}`,
});
const date = (d: string): ClaimValue => ({
  type: 'date',
  date: d,
  end: null,
  granularity: 'day',
  weekday: null,
  part: null,
  event: null,
  display: d,
});

function conflict(
  id: number,
  status: ConflictStatus,
  kind: string,
  a: [ClaimValue | null, number][],
  b: [ClaimValue | null, number][],
): RankInput {
  const side = (xs: [ClaimValue | null, number][]) => ({
    values: xs.map((x) => x[0]),
    articleIds: xs.map((x) => x[1]),
  });
  return { id, status, kind, sides: [side(a), side(b)] };
}

describe('rankConflicts', () => {
  it('puts undecided conflicts before decided ones, whatever their size', () => {
    const small = conflict(1, 'suggested', 'figure_mismatch', [[figure(100), 1]], [[figure(101), 2]]);
    const big = conflict(2, 'confirmed', 'figure_mismatch', [[figure(100), 1]], [[figure(900), 2]]);
    const dismissed = conflict(3, 'dismissed', 'novelty_vs_precedent', [[null, 1]], [[null, 2]]);
    const open = conflict(4, 'open', 'date_mismatch', [[date('2025-05-07'), 1]], [[date('2025-05-08'), 3]]);
    const resolved = conflict(5, 'resolved', 'figure_mismatch', [[figure(1), 1]], [[figure(2), 2]]);
    expect(rankConflicts([dismissed, resolved, big, small, open]).map((c) => c.id)).toEqual([1, 4, 2, 5, 3]);
  });

  it('ranks a wide gap above a rounding difference in the same status', () => {
    const near = conflict(1, 'suggested', 'figure_mismatch', [[figure(594.6e6), 1]], [[figure(594e6), 2]]);
    const far = conflict(2, 'suggested', 'figure_mismatch', [[figure(594.6e6), 1]], [[figure(482.1e6), 2]]);
    expect(gap(near)).toBeLessThan(0.01);
    expect(gap(far)).toBeCloseTo(0.189, 2);
    expect(rankConflicts([near, far]).map((c) => c.id)).toEqual([2, 1]);
  });

  it('ranks a disagreement carried by more articles higher when the gap is the same', () => {
    const two = conflict(1, 'suggested', 'count_mismatch', [[figure(10), 1]], [[figure(20), 2]]);
    const four = conflict(
      2,
      'suggested',
      'count_mismatch',
      [
        [figure(10), 1],
        [figure(10), 3],
        [figure(10), 4],
      ],
      [[figure(20), 2]],
    );
    expect(reach(two)).toBe(0.5);
    expect(reach(four)).toBe(0.75);
    expect(rankConflicts([two, four]).map((c) => c.id)).toEqual([2, 1]);
  });

  it('weighs a false "first" above a trend word at equal reach', () => {
    const trend = conflict(1, 'suggested', 'trend_contradiction', [[null, 1]], [[null, 2]]);
    const first = conflict(2, 'suggested', 'novelty_vs_precedent', [[null, 1]], [[null, 2]]);
    expect(consequence(first)).toBeGreaterThan(consequence(trend));
    expect(rankConflicts([trend, first]).map((c) => c.id)).toEqual([2, 1]);
  });

  it('measures dates by days apart and keeps detection order on ties', () => {
    const dayOff = conflict(
      3,
      'suggested',
      'date_mismatch',
      [[date('2025-05-07'), 1]],
      [[date('2025-05-08'), 2]],
    );
    const yearOff = conflict(4, 'suggested', 'date_mismatch', [[date('1982'), 1]], [[date('1983'), 2]]);
    expect(gap(dayOff)).toBeCloseTo(1 / 365, 4);
    expect(gap(yearOff)).toBe(1);
    const twin = { ...dayOff, id: 1 };
    expect(rankConflicts([dayOff, yearOff, twin]).map((c) => c.id)).toEqual([4, 1, 3]);
  });
});

describe('values without a number', () => {
  it('count as a whole disagreement instead of failing', () => {
    const partial = { type: 'date', display: 'Saturday' } as unknown as ClaimValue;
    const c = conflict(1, 'suggested', 'date_mismatch', [[partial, 1]], [[date('2024-10-06'), 2]]);
    expect(gap(c)).toBe(1);
  });
});
