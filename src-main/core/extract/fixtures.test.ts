/**
 * Articles written for this project (fixtures/*.txt: other stories, other units and
 * date formats) show the extractor is not tuned to the seed corpus.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimKind } from '../../shared/model';
import { extractArticle } from './index';
import type { ExtractionResult } from './types';

function load(name: string, publishedAt: string): { text: string; r: ExtractionResult } {
  const text = readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8');
  return { text, r: extractArticle({ text, publishedAt }) };
}

function valueOf(r: ExtractionResult, kind: ClaimKind, exact: string | RegExp): unknown {
  const c = r.claims.find(
    (x) => x.kind === kind && (typeof exact === 'string' ? x.exact === exact : exact.test(x.exact)),
  );
  return c?.value;
}

function passageOf(text: string, r: ExtractionResult, contains: string) {
  return r.passages.find((p) => p.kind === 'sentence' && text.slice(p.start, p.end).includes(contains));
}

describe('a port deal (euros, tonnes, per cent, day-month-year dates)', () => {
  const { text, r } = load('port-deal.txt', '2024-03-14');

  it('reads money in "bn", percentages and tonnes with their periods', () => {
    expect(valueOf(r, 'figure', '€3bn')).toMatchObject({ amount: 3e9, currency: 'EUR' });
    expect(valueOf(r, 'figure', '15%')).toMatchObject({
      amount: 15,
      unit: '%',
      period: '2023',
      metric: 'cargo volumes',
    });
    expect(valueOf(r, 'figure', '3,000 tonnes')).toMatchObject({ amount: 3000, unit: 'tonnes' });
    expect(valueOf(r, 'figure', 'nearly 8 per cent')).toMatchObject({
      amount: 8,
      unit: '%',
      approx: 'under',
      period: '2023',
      metric: 'exports',
    });
  });

  it('resolves "12 March 2024" and "last Tuesday" against the publication date', () => {
    expect(valueOf(r, 'date', '12 March 2024')).toMatchObject({
      date: '2024-03-12',
      granularity: 'day',
      event: 'signing',
    });
    expect(valueOf(r, 'date', /last Tuesday/)).toMatchObject({ date: '2024-03-12', weekday: 'Tuesday' });
  });

  it('scopes "the first such visit in a decade" to ten years', () => {
    expect(valueOf(r, 'novelty', /first such visit/)).toMatchObject({
      scope: { kind: 'in_years', years: 10 },
      event: 'visit',
    });
  });

  it('finds trends, counts and attributions', () => {
    expect(valueOf(r, 'trend', 'fell')).toMatchObject({
      direction: 'down',
      metric: 'exports',
      window: 'last year',
    });
    expect(valueOf(r, 'count', 'about 1,200 jobs')).toMatchObject({
      count: 1200,
      noun: 'job',
      approx: 'about',
    });
    expect(valueOf(r, 'count', 'two new terminals')).toMatchObject({ count: 2, noun: 'terminal' });
    expect(valueOf(r, 'attribution', 'Vargas said')).toMatchObject({ speaker: 'Elena Vargas' });
  });

  it('marks the photo caption, not the prose', () => {
    expect(passageOf(text, r, 'Maasvlakte')?.boilerplate).toBe(true);
    expect(passageOf(text, r, 'delegation arrived')?.boilerplate).toBe(false);
  });
});

describe('a wind farm report (never before, GWh, EUR, "m" scale, teasers)', () => {
  const { text, r } = load('wind-farm.txt', '2023-11-20');

  it('reads a hedgeless "never before" as an unqualified first', () => {
    expect(valueOf(r, 'novelty', /^Never before/)).toMatchObject({
      phrase: 'never before',
      strength: 'first',
      scope: { kind: 'unqualified' },
    });
  });

  it('reads units and currencies written several ways', () => {
    expect(valueOf(r, 'figure', '412 GWh')).toMatchObject({ amount: 412, unit: 'GWh' });
    expect(valueOf(r, 'figure', 'EUR 58.4 million')).toMatchObject({
      amount: 58_400_000,
      currency: 'EUR',
      metric: 'revenue',
    });
    expect(valueOf(r, 'figure', '€9m')).toMatchObject({ amount: 9_000_000, currency: 'EUR' });
    expect(valueOf(r, 'count', 'more than 300 people')).toMatchObject({
      count: 300,
      noun: 'person',
      approx: 'over',
    });
  });

  it('resolves "on Friday" to the Friday before a Monday publication', () => {
    expect(valueOf(r, 'date', 'Friday')).toMatchObject({ date: '2023-11-17', weekday: 'Friday' });
  });

  it('does not treat a plan ("plans to expand") as a trend', () => {
    expect(r.claims.some((c) => c.kind === 'trend' && c.exact.includes('expand'))).toBe(false);
  });

  it('marks the "Related" block as teaser', () => {
    expect(passageOf(text, r, 'Solar subsidies')).toMatchObject({
      boilerplate: true,
      boilerplateReason: 'teaser',
    });
  });
});

describe('a state visit (weekday with date, since-scoped first, byline and sign-off)', () => {
  const { text, r } = load('state-visit.txt', '2022-06-30');

  it('records the weekday named with the date', () => {
    expect(valueOf(r, 'date', 'Wednesday, June 29')).toMatchObject({
      date: '2022-06-29',
      weekday: 'Wednesday',
      event: 'visit',
    });
  });

  it('scopes "the first state visit … since 2005"', () => {
    expect(valueOf(r, 'novelty', 'first state visit')).toMatchObject({
      scope: { kind: 'since', year: 2005 },
      event: 'visit',
    });
    expect(valueOf(r, 'novelty', 'historic')).toMatchObject({ strength: 'superlative' });
  });

  it('reads a bilateral figure with its parties and the trends around it', () => {
    expect(valueOf(r, 'figure', '$120 million')).toMatchObject({
      amount: 120e6,
      currency: 'USD',
      period: '2021',
      metric: 'trade turnover',
      parties: ['ghana', 'kenya'],
    });
    expect(valueOf(r, 'trend', 'declined')).toMatchObject({ direction: 'down', window: 'since 2019' });
    expect(valueOf(r, 'count', 'four agreements')).toMatchObject({ count: 4, noun: 'agreement' });
    expect(valueOf(r, 'count', 'Some 2,500 Kenyan students')).toMatchObject({ count: 2500, approx: 'about' });
  });

  it('marks the byline and the agency sign-off', () => {
    expect(passageOf(text, r, 'Efua Owusu')).toMatchObject({
      boilerplate: true,
      boilerplateReason: 'byline',
    });
    expect(passageOf(text, r, 'GNA')).toMatchObject({ boilerplate: true, boilerplateReason: 'sign-off' });
  });
});
