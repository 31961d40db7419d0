/**
 * The claims an editor needs on the seed corpus (../shared/corpus): every phrase the
 * gold file's conflicts and must-not-flag pairs rest on yields a claim of the right
 * kind, value and scope, and the gold boilerplate is marked.
 */
import { describe, expect, it } from 'vitest';
import type {
  DateValue,
  EventValue,
  FigureValue,
  NoveltyValue,
  TrendValue,
  CountValue,
} from '../../shared/model';
import { claimsInSentence, folded, gold, seeds } from './seed-helpers';

const seed = (id: string) => seeds().get(id)!;
const values = <T>(cs: { value: unknown }[]): T[] => cs.map((c) => c.value as T);

describe('novelty scope on the seeds', () => {
  it('reads the first-ever trip as an unqualified first', () => {
    const n = values<NoveltyValue>(claimsInSentence(seed('000'), 'first-ever trip', 'novelty'));
    const first = n.find((v) => v.phrase === 'first-ever');
    expect(first).toMatchObject({ strength: 'first', scope: { kind: 'unqualified' }, event: 'trip' });
  });

  it('keeps "first visit by … top political leadership" unqualified, the restriction in the subject', () => {
    const cs = claimsInSentence(seed('003'), 'first visit by Vietnam', 'novelty').filter(
      (c) => (c.value as NoveltyValue).strength === 'first',
    );
    expect(cs).toHaveLength(1);
    expect(cs[0].value).toMatchObject({ scope: { kind: 'unqualified' }, event: 'visit' });
    expect(cs[0].subject).toMatch(/top political leadership/);
  });

  it('scopes "the first by a General Secretary … since … 1992" to since 1992', () => {
    const n = values<NoveltyValue>(
      claimsInSentence(seed('002'), 'the first by a General Secretary', 'novelty'),
    );
    expect(n.find((v) => v.strength === 'first')).toMatchObject({
      scope: { kind: 'since', year: 1992 },
      event: 'visit',
    });
  });

  it('scopes "first time in modern history" as modern history', () => {
    const n = values<NoveltyValue>(claimsInSentence(seed('004'), 'first time in modern history', 'novelty'));
    expect(n.find((v) => v.strength === 'first')?.scope.kind).toBe('modern_history');
  });

  it('reads "historic" and "highest level" as praise, not as a first', () => {
    const n = values<NoveltyValue>(
      claimsInSentence(seed('003'), 'highest level of political dialogue', 'novelty'),
    );
    expect(n.find((v) => v.phrase === 'highest-level')?.strength).toBe('superlative');
    const h = values<NoveltyValue>(
      claimsInSentence(seed('002'), 'historic visit to Azerbaijan in 1959', 'novelty'),
    );
    expect(h.map((v) => v.strength)).toEqual(['superlative']);
  });

  it('scopes the teaser\'s "first by a Thai Government leader in 11 years" to 11 years, as boilerplate', () => {
    const cs = claimsInSentence(seed('001'), 'the first by a Thai Government leader in 11 years', 'novelty');
    const inYears = cs.find((c) => (c.value as NoveltyValue).scope.kind === 'in_years');
    expect(inYears?.value).toMatchObject({ scope: { kind: 'in_years', years: 11 } });
    expect(cs.every((c) => c.boilerplate)).toBe(true);
  });
});

describe('dates on the seeds', () => {
  it("dates Le Duan's visit to the early 1980s and records it as a visit event", () => {
    const dates = values<DateValue>(claimsInSentence(seed('001'), 'Le Duan visited Azerbaijan', 'date'));
    expect(dates).toContainEqual(
      expect.objectContaining({ date: '1980', granularity: 'decade', part: 'early', event: 'visit' }),
    );
    expect(dates).toContainEqual(expect.objectContaining({ date: '1983', granularity: 'year' }));
    const events = values<EventValue>(claimsInSentence(seed('001'), 'Le Duan visited Azerbaijan', 'event'));
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'visit', actor: 'le duan', place: 'azerbaijan', date: '1980' }),
    );
  });

  it('records who visited where and when, with the actor before or after the visit', () => {
    const hcm = values<EventValue>(
      claimsInSentence(seed('002'), 'historic visit to Azerbaijan in 1959', 'event'),
    );
    expect(hcm).toContainEqual(
      expect.objectContaining({ actor: 'ho chi minh', place: 'azerbaijan', date: '1959' }),
    );
    const toLam = values<EventValue>(claimsInSentence(seed('003'), 'on May 7, 2025', 'event'));
    expect(toLam).toContainEqual(
      expect.objectContaining({ actor: 'to lam', place: 'azerbaijan', date: '2025-05-07' }),
    );
  });

  it('resolves "Wednesday" against the publication date to 2025-05-07 and records the weekday', () => {
    const d = values<DateValue>(claimsInSentence(seed('002'), 'in Baku on Wednesday', 'date'));
    expect(d).toContainEqual(
      expect.objectContaining({ date: '2025-05-07', granularity: 'day', weekday: 'Wednesday' }),
    );
  });

  it('gives "May 7, 2025" the visit and "May 8" the meeting (different events, N4)', () => {
    const may7 = values<DateValue>(claimsInSentence(seed('003'), 'on May 7, 2025', 'date'));
    expect(may7).toContainEqual(expect.objectContaining({ date: '2025-05-07', event: 'visit' }));
    const may8 = values<DateValue>(claimsInSentence(seed('000'), 'in Baku on May 8', 'date'));
    expect(may8).toContainEqual(expect.objectContaining({ date: '2025-05-08', event: 'meeting' }));
  });

  it('dates diplomatic relations to 1992 in both articles (N2)', () => {
    for (const [id, needle] of [
      ['001', 'established diplomatic relations in 1992'],
      ['003', 'Since the establishment of diplomatic relations in 1992'],
    ]) {
      const d = values<DateValue>(claimsInSentence(seed(id), needle, 'date'));
      expect(d).toContainEqual(
        expect.objectContaining({ date: '1992', granularity: 'year', event: 'diplomatic relations' }),
      );
    }
  });

  it("dates Ho Chi Minh's visit to 1959 in both articles (N3)", () => {
    for (const [id, needle] of [
      ['002', 'historic visit to Azerbaijan in 1959'],
      ['004', 'visit to Azerbaijan in 1959'],
    ]) {
      const d = values<DateValue>(claimsInSentence(seed(id), needle, 'date'));
      expect(d).toContainEqual(expect.objectContaining({ date: '1959', event: 'visit' }));
    }
  });

  it('reads ranges and decades', () => {
    const range = values<DateValue>(claimsInSentence(seed('001'), 'from April 20-22', 'date'));
    expect(range).toContainEqual(
      expect.objectContaining({ date: '2025-04-20', end: '2025-04-22', granularity: 'range' }),
    );
    const years = values<DateValue>(claimsInSentence(seed('002'), 'for the 2025–27 period', 'date'));
    expect(years).toContainEqual(
      expect.objectContaining({ date: '2025', end: '2027', granularity: 'range' }),
    );
    const decade = values<DateValue>(claimsInSentence(seed('004'), 'in the 1950s', 'date'));
    expect(decade).toContainEqual(
      expect.objectContaining({ date: '1950', granularity: 'decade', part: null }),
    );
  });

  it('does not read "Thu" in a name or "in 11 years" as dates', () => {
    const all = [...seeds().values()].flatMap((s) => s.result.claims.filter((c) => c.kind === 'date'));
    expect(all.map((c) => c.exact)).not.toContain('Thu');
    expect(all.some((c) => /years/.test(c.exact))).toBe(false);
  });
});

describe('figures, counts and trends on the seeds', () => {
  it('splits "$594.6 million and $482.1 million, respectively" into one figure per year', () => {
    const f = values<FigureValue>(claimsInSentence(seed('003'), '482.1 million', 'figure'));
    expect(f).toEqual([
      expect.objectContaining({
        amount: 594_600_000,
        currency: 'USD',
        period: '2022',
        metric: 'trade turnover',
        parties: ['azerbaijan', 'vietnam'],
      }),
      expect.objectContaining({
        amount: 482_100_000,
        currency: 'USD',
        period: '2023',
        metric: 'trade turnover',
        parties: ['azerbaijan', 'vietnam'],
      }),
    ]);
  });

  it('counts visits, groups of solutions and students with approximation', () => {
    expect(
      values<CountValue>(claimsInSentence(seed('004'), 'nine important visits', 'count')),
    ).toContainEqual(expect.objectContaining({ count: 9, noun: 'visit', approx: 'exact' }));
    expect(
      values<CountValue>(claimsInSentence(seed('002'), 'five groups of solutions', 'count')),
    ).toContainEqual(expect.objectContaining({ count: 5, noun: 'group' }));
    expect(
      values<CountValue>(claimsInSentence(seed('001'), 'over 5,000 Vietnamese students', 'count')),
    ).toContainEqual(expect.objectContaining({ count: 5000, noun: 'student', approx: 'over' }));
  });

  it('reads the contradicting trade trends with metric and window (S2a, S2c)', () => {
    const up = values<TrendValue>(
      claimsInSentence(seed('003'), 'significant growth in recent years', 'trend'),
    );
    expect(up).toContainEqual(
      expect.objectContaining({ direction: 'up', metric: 'trade turnover', window: 'in recent years' }),
    );
    const down = values<TrendValue>(claimsInSentence(seed('003'), 'has decreased in recent years', 'trend'));
    expect(down).toContainEqual(
      expect.objectContaining({ direction: 'down', metric: 'trade turnover', window: 'in recent years' }),
    );
    const growth = values<TrendValue>(claimsInSentence(seed('001'), 'positive growth in trade', 'trend'));
    expect(growth).toContainEqual(expect.objectContaining({ direction: 'up', metric: 'trade turnover' }));
  });

  it('attributes quotes to the person speaking', () => {
    const a = claimsInSentence(seed('003'), 'told Trend', 'attribution');
    expect(a.map((c) => (c.value as { speaker: string }).speaker)).toContain('Azer Garayev');
  });
});

describe('boilerplate on the seeds', () => {
  it('marks every gold boilerplate sentence and the claims inside it', () => {
    for (const side of gold().boilerplate) {
      const s = seed(side.article);
      const needle = folded(side.sentence_contains);
      const passages = s.result.passages.filter(
        (p) => p.kind === 'sentence' && folded(s.text.slice(p.start, p.end)).includes(needle),
      );
      expect(passages.length, side.sentence_contains).toBeGreaterThan(0);
      expect(
        passages.every((p) => p.boilerplate),
        side.sentence_contains,
      ).toBe(true);
      expect(claimsInSentence(s, side.sentence_contains).every((c) => c.boilerplate)).toBe(true);
    }
  });

  it('keeps the " date" header as dateline metadata and the article body as prose', () => {
    const s = seed('000');
    const header = s.result.passages.find((p) => p.start <= 1 && p.kind === 'sentence');
    expect(header).toMatchObject({ boilerplate: true, boilerplateReason: 'dateline-meta' });
    expect(claimsInSentence(s, 'first-ever trip').every((c) => !c.boilerplate)).toBe(true);
  });

  it('marks no conflict-side sentence of the gold as boilerplate', () => {
    const g = gold();
    for (const pair of [...g.conflicts, ...g.must_not_flag]) {
      for (const side of [pair.a, pair.b]) {
        const cs = claimsInSentence(seed(side.article), side.sentence_contains);
        expect(cs.length, `${pair.id} ${side.sentence_contains}`).toBeGreaterThan(0);
        expect(
          cs.some((c) => !c.boilerplate),
          `${pair.id} ${side.sentence_contains}`,
        ).toBe(true);
      }
    }
  });
});
