/**
 * Claim finders on short invented sentences: the normalised value an editor reads on
 * hover, for each kind and for the traps measured in the notes.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimKind } from '../../shared/model';
import { extractArticle } from './index';

function claims(text: string, kind: ClaimKind, publishedAt = '2024-05-01') {
  return extractArticle({ text, publishedAt }).claims.filter((c) => c.kind === kind);
}
function one(text: string, kind: ClaimKind, exact: string, publishedAt?: string): unknown {
  const c = claims(text, kind, publishedAt).find((x) => x.exact === exact);
  expect(c, `${kind} "${exact}" in: ${text}`).toBeDefined();
  return c!.value;
}

describe('figures', () => {
  it('normalises currencies and scales written several ways', () => {
    const t = 'The fund pledged US$1.2 billion, the ministry VND 5 trillion and the bank €3bn.';
    expect(one(t, 'figure', 'US$1.2 billion')).toMatchObject({ amount: 1.2e9, currency: 'USD', parties: [] });
    expect(one(t, 'figure', 'VND 5 trillion')).toMatchObject({ amount: 5e12, currency: 'VND' });
    expect(one(t, 'figure', '€3bn')).toMatchObject({ amount: 3e9, currency: 'EUR' });
  });

  it('does not date a change by the year it is measured from', () => {
    const t = 'Arrivals were 8.6% higher than in 2023. Receipts reached €9.8 billion, up 9.6% on 2023.';
    expect(one(t, 'figure', '8.6%')).toMatchObject({ period: null });
    expect(one(t, 'figure', '€9.8 billion')).toMatchObject({ period: null });
    expect(one('Arrivals rose from 7.88 million in 2023.', 'figure', '7.88 million')).toMatchObject({
      period: '2023',
    });
  });

  it('keeps approximation words with the number', () => {
    const t =
      'Exports rose 15 per cent to almost 3,000 tonnes, up to 40% of output; just over $2m was spent.';
    expect(one(t, 'figure', '15 per cent')).toMatchObject({
      amount: 15,
      unit: '%',
      approx: 'exact',
      metric: 'exports',
    });
    expect(one(t, 'figure', 'almost 3,000 tonnes')).toMatchObject({ approx: 'under', unit: 'tonnes' });
    expect(one(t, 'figure', 'up to 40%')).toMatchObject({ approx: 'at_most' });
    expect(one(t, 'figure', 'just over $2m')).toMatchObject({ amount: 2e6, approx: 'over' });
  });

  it('pairs "respectively" figures with years written after them', () => {
    const f = claims('Revenue was $5m and $6m in 2022 and 2023 respectively.', 'figure');
    expect(f.map((c) => (c.value as { period: string }).period)).toEqual(['2022', '2023']);
  });

  it("takes the period from the figure's own clause only", () => {
    const t = 'Tourism surged 20% year-on-year, while imports have declined since 2020.';
    expect(one(t, 'figure', '20%')).toMatchObject({ period: null, metric: 'tourism' });
  });
});

describe('counts', () => {
  it('reads number words, compounds and "dozens of"', () => {
    const t =
      'Dozens of companies and twenty-one ministries joined; three agreements were signed by the two countries.';
    expect(one(t, 'count', 'Dozens of companies')).toMatchObject({
      count: 24,
      noun: 'company',
      approx: 'at_least',
    });
    expect(one(t, 'count', 'twenty-one ministries')).toMatchObject({ count: 21, noun: 'ministry' });
    expect(one(t, 'count', 'three agreements')).toMatchObject({ count: 3, noun: 'agreement' });
    expect(claims(t, 'count').some((c) => c.exact.includes('countries'))).toBe(false);
  });
});

describe('dates', () => {
  it('puts a day without a year in the publication year unless that is far in the future', () => {
    expect(one('The talks ended on December 20.', 'date', 'December 20', '2025-01-05')).toMatchObject({
      date: '2024-12-20',
    });
    expect(one('The summit opens on May 8.', 'date', 'May 8', '2025-05-09')).toMatchObject({
      date: '2025-05-08',
    });
  });

  it('reads a weekday after a number in a name as the weekday alone', () => {
    expect(
      one('The club signed the midfielder from SV Kastell 05 on Friday.', 'date', 'Friday', '2025-07-06'),
    ).toMatchObject({ date: '2025-07-04', weekday: 'Friday' });
  });

  it('skips chrono false hits: names and durations', () => {
    const d = claims('A deal could come in 11 years, Pham Thu Hang said, within just a few months.', 'date');
    expect(d).toEqual([]);
  });

  it('keeps the weekday given with a full date, and reads decades and year ranges', () => {
    expect(
      one('She met him on Monday, May 6, 2024.', 'date', 'Monday, May 6, 2024', '2024-05-08'),
    ).toMatchObject({
      date: '2024-05-06',
      weekday: 'Monday',
      event: 'meeting',
    });
    const t = 'The market fell in the mid-1990s and in the late 2000s, from 2008 to 2010.';
    expect(one(t, 'date', 'mid-1990s')).toMatchObject({ date: '1990', granularity: 'decade', part: 'mid' });
    expect(one(t, 'date', 'late 2000s')).toMatchObject({ date: '2000', part: 'late' });
    expect(one(t, 'date', '2008 to 2010')).toMatchObject({ date: '2008', end: '2010', granularity: 'range' });
  });
});

describe('novelty', () => {
  it('gives each of two firsts in one sentence its own scope', () => {
    const n = claims(
      'It was the first such visit in a decade and the first since 1992, said the envoy.',
      'novelty',
    );
    expect(n.map((c) => c.value)).toEqual([
      expect.objectContaining({
        scope: expect.objectContaining({ kind: 'in_years', years: 10 }),
        event: 'visit',
      }),
      expect.objectContaining({ scope: expect.objectContaining({ kind: 'since', year: 1992 }) }),
    ]);
  });

  it('separates firsts from praise', () => {
    const t = 'For the first time in 30 years, the unprecedented maiden voyage was called historic.';
    expect(one(t, 'novelty', 'For the first time')).toMatchObject({
      strength: 'first',
      scope: { kind: 'in_years', years: 30 },
    });
    expect(one(t, 'novelty', 'maiden voyage')).toMatchObject({ strength: 'first', event: 'voyage' });
    expect(one(t, 'novelty', 'historic')).toMatchObject({ strength: 'superlative' });
  });

  it('reads any superlative in "-est" with a scope, and leaves words that only end like one', () => {
    const t =
      'It was the costliest flood in the province since 1998 and the wettest summer on record. ' +
      'The latest protest drew the interest of the harvest festival.';
    expect(one(t, 'novelty', 'costliest flood')).toMatchObject({ scope: { kind: 'since', year: 1998 } });
    expect(one(t, 'novelty', 'wettest summer')).toMatchObject({ phrase: 'wettest ever', event: 'summer' });
    expect(claims(t, 'novelty').map((c) => c.exact)).toEqual(['costliest flood', 'wettest summer']);
  });

  it('reads "record" before the noun it ranks, not the noun "record"', () => {
    const t =
      'Turnout hit a record high and it was a new all-time record for the grid. ' +
      'He arrives with a formidable record in Spain; the national record still belongs to Ortiz.';
    expect(claims(t, 'novelty').map((c) => c.exact)).toEqual(['record high', 'record']);
  });

  it('does not read ordinals of sequence as novelty', () => {
    expect(claims('In the first quarter, at first, the First Deputy spoke first of all.', 'novelty')).toEqual(
      [],
    );
  });
});

describe('trends and attributions', () => {
  it('reads what happened, not what is planned', () => {
    const t =
      'The two sides aim to boost trade. Tourism surged 20% year-on-year, while imports have declined since 2020.';
    const tr = claims(t, 'trend');
    expect(tr.map((c) => c.exact)).toEqual(['surged', 'declined']);
    expect(tr[0].value).toMatchObject({ direction: 'up', metric: 'tourism', window: 'year-on-year' });
    expect(tr[1].value).toMatchObject({ direction: 'down', metric: 'imports', window: 'since 2020' });
  });

  it('finds speakers before and after the verb and resolves "he"', () => {
    const t =
      'Analyst Ruth Abebe spoke first. "Trade will grow," she said. "It is fragile," said the economist.';
    const a = claims(t, 'attribution').map((c) => (c.value as { speaker: string }).speaker);
    expect(a).toEqual(['Ruth Abebe', 'the economist']);
  });
});
