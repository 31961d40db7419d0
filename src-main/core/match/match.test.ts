/**
 * The detector on hand-built claims: each conflict kind, and each reading that must
 * keep two claims compatible (scope, hedges, rounding, different events, a correct
 * weekday). Sentences are invented for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimValue } from '../../shared/model';
import type { MatchClaim, MatchResult } from './types';
import { matchClaims } from './match';
import { frameInSentence } from '../extract/frame';

let nextId = 1;
const sentenceStarts = new Map<string, number>();

interface Art {
  id: number;
  publishedAt: string | null;
}

/** A claim on `quote` inside `sentence` (the first occurrence). */
function claim(
  art: Art,
  sentence: string,
  quote: string,
  value: ClaimValue,
  extra: Partial<MatchClaim> = {},
): MatchClaim {
  const at = sentence.indexOf(quote);
  if (at < 0) throw new Error(`quote not in sentence: ${quote}`);
  // Numbers carry the frame the extractor would give them, read from the same sentence.
  if ((value.type === 'figure' || value.type === 'count' || value.type === 'time') && !value.frame)
    value = { ...value, frame: frameInSentence(sentence, at, at + quote.length, value) };
  // Claims quoting one sentence of one article share its offset, as they do in a desk.
  const sk = `${art.id}|${sentence}`;
  if (!sentenceStarts.has(sk)) sentenceStarts.set(sk, 1000 * sentenceStarts.size);
  const sentenceStart = sentenceStarts.get(sk)!;
  return {
    id: nextId++,
    articleId: art.id,
    publishedAt: art.publishedAt,
    kind: value.type,
    start: sentenceStart + at,
    end: sentenceStart + at + quote.length,
    quote,
    sentence,
    sentenceStart,
    subject: null,
    scope: null,
    value,
    entityKeys: [],
    ...extra,
  };
}

function money(
  amount: number,
  display: string,
  period: string | null,
  metric = 'bilateral trade',
  approx: 'exact' | 'about' | 'over' | 'under' = 'exact',
): ClaimValue {
  return {
    type: 'figure',
    amount,
    currency: 'EUR',
    unit: null,
    approx,
    period,
    metric,
    parties: [],
    display,
  };
}

function count(
  n: number,
  noun: string,
  display: string,
  approx: 'exact' | 'at_least' | 'about' | 'over' = 'exact',
): ClaimValue {
  return { type: 'count', count: n, noun, approx, period: null, display };
}

function date(
  iso: string,
  display: string,
  opts: {
    weekday?: string;
    granularity?: 'day' | 'month' | 'year' | 'decade';
    part?: 'early' | 'mid' | 'late';
    event?: string;
  } = {},
): ClaimValue {
  return {
    type: 'date',
    date: iso,
    end: null,
    granularity: opts.granularity ?? 'day',
    weekday: opts.weekday ?? null,
    part: opts.part ?? null,
    event: opts.event ?? null,
    display,
  };
}

function first(
  phrase: string,
  scope: ClaimValue extends never ? never : Extract<ClaimValue, { type: 'novelty' }>['scope'] = {
    kind: 'unqualified',
  },
  event = 'visit',
  strength: 'first' | 'superlative' = 'first',
): ClaimValue {
  return { type: 'novelty', phrase, strength, scope, event, display: phrase };
}

function trend(direction: 'up' | 'down', metric: string, window: string | null = null): ClaimValue {
  return { type: 'trend', direction, metric, window, display: direction };
}

function pairFlagged(result: MatchResult, a: MatchClaim, b: MatchClaim, kind?: string): boolean {
  return result.conflicts.some(
    (c) =>
      (kind === undefined || c.kind === kind) &&
      ((c.sideA.includes(a.id) && c.sideB.includes(b.id)) ||
        (c.sideA.includes(b.id) && c.sideB.includes(a.id))),
  );
}

const A1: Art = { id: 1, publishedAt: '2025-03-11' };
const A2: Art = { id: 2, publishedAt: '2025-03-12' };
const A3: Art = { id: 3, publishedAt: '2025-03-14' };

describe('figure_mismatch', () => {
  const s1 = 'Bilateral trade between Marvela and Kestria reached €386.4 million in 2024, the ministry said.';
  const s2 = 'Trade between Kestria and Marvela was worth €409 million in 2024, according to officials.';
  const keys = { entityKeys: ['marvela', 'kestria'] };

  it('flags two amounts for one metric and year that rounding cannot reconcile', () => {
    const a = claim(A1, s1, '€386.4 million', money(386.4e6, '€386.4 million', '2024'), keys);
    const b = claim(A2, s2, '€409 million', money(409e6, '€409 million', '2024', 'trade'), keys);
    const r = matchClaims([a, b]);
    expect(pairFlagged(r, a, b, 'figure_mismatch')).toBe(true);
    const c = r.conflicts.find((x) => x.kind === 'figure_mismatch')!;
    expect(c.explanation).toContain('€386.4 million');
    expect(c.explanation).toContain('€409 million');
    // Both claims are one fact whose label names the metric and the year.
    const fact = r.facts.find((f) => f.claimIds.includes(a.id))!;
    expect(fact.claimIds).toContain(b.id);
    expect(fact.label).toMatch(/trade.*2024/i);
  });

  it('accepts "roughly €160 million" against €158.7 million and a rounded €159 million', () => {
    const s3 = 'Kestrian firms hold roughly €160 million of direct investment in Marvela in 2024.';
    const s4 = 'Kestrian direct investment in Marvela reached €158.7 million at the end of 2024.';
    const s5 = 'Direct investment from Kestria in Marvela stood at €159 million in 2024.';
    const a = claim(
      A1,
      s3,
      'roughly €160 million',
      money(160e6, 'roughly €160 million', '2024', 'direct investment', 'about'),
      keys,
    );
    const b = claim(
      A2,
      s4,
      '€158.7 million',
      money(158.7e6, '€158.7 million', '2024', 'direct investment'),
      keys,
    );
    const c = claim(A3, s5, '€159 million', money(159e6, '€159 million', '2024', 'investment'), keys);
    const r = matchClaims([a, b, c]);
    expect(r.conflicts.filter((x) => x.kind === 'figure_mismatch')).toEqual([]);
  });

  it('does not let a one-significant-figure round number pass for a precise one', () => {
    const a = claim(A1, s1, '€386.4 million', money(386.4e6, '€386.4 million', '2024'), keys);
    const b = claim(
      A2,
      s2.replace('€409', '€400'),
      '€400 million',
      money(400e6, '€400 million', '2024', 'trade'),
      keys,
    );
    const r = matchClaims([a, b]);
    expect(pairFlagged(r, a, b, 'figure_mismatch')).toBe(true);
  });

  it('keeps different years and different metrics apart', () => {
    const a = claim(A1, s1, '€386.4 million', money(386.4e6, '€386.4 million', '2024'), keys);
    const b = claim(
      A2,
      s2.replace('2024', '2023'),
      '€409 million',
      money(409e6, '€409 million', '2023', 'trade'),
      keys,
    );
    const c = claim(
      A3,
      'Marvelan exports to Kestria reached €120 million in 2024.',
      '€120 million',
      money(120e6, '€120 million', '2024', 'exports'),
      keys,
    );
    const r = matchClaims([a, b, c]);
    expect(r.conflicts).toEqual([]);
  });

  it('reads "over X" as more than X and "nearly X" as just under X', () => {
    const over = claim(
      A1,
      'Trade between Marvela and Kestria topped over €300 million in 2023.',
      'over €300 million',
      money(300e6, 'over €300 million', '2023', 'trade', 'over'),
      keys,
    );
    const exact = claim(
      A2,
      'Trade between Marvela and Kestria was €341.2 million in 2023.',
      '€341.2 million',
      money(341.2e6, '€341.2 million', '2023', 'trade'),
      keys,
    );
    const nearly = claim(
      A3,
      'Trade between Marvela and Kestria came to nearly €300 million in 2023.',
      'nearly €300 million',
      money(300e6, 'nearly €300 million', '2023', 'trade', 'under'),
      keys,
    );
    const r = matchClaims([over, exact, nearly]);
    expect(pairFlagged(r, over, exact)).toBe(false);
    // 341.2 is not "nearly 300".
    expect(pairFlagged(r, nearly, exact, 'figure_mismatch')).toBe(true);
  });
});

describe('count_mismatch', () => {
  it('flags 37 against 42 for the same counted thing, but not "at least 37"', () => {
    const s1 = 'The flood in the Brelna valley killed 37 people, the civil defence office said.';
    const s2 = 'At least 37 people died in the Brelna valley flood, rescuers said.';
    const s3 = 'The Brelna valley flood killed 42 people, local officials said on Friday.';
    const a = claim(A1, s1, '37 people', count(37, 'person', '37 people'));
    const b = claim(A2, s2, 'At least 37 people', count(37, 'person', 'at least 37 people', 'at_least'));
    const c = claim(A3, s3, '42 people', count(42, 'person', '42 people'));
    const r = matchClaims([a, b, c]);
    expect(pairFlagged(r, a, c, 'count_mismatch')).toBe(true);
    expect(pairFlagged(r, b, c)).toBe(false);
  });

  it('flags seven against nine agreements signed at the same talks', () => {
    const s1 =
      'After the talks the two presidents witnessed the signing of seven agreements on ports and energy.';
    const s2 = 'At the talks the presidents signed nine agreements covering ports, energy and customs.';
    const a = claim(A1, s1, 'seven agreements', count(7, 'agreement', 'seven agreements'));
    const b = claim(A2, s2, 'nine agreements', count(9, 'agreement', 'nine agreements'));
    const r = matchClaims([a, b]);
    expect(pairFlagged(r, a, b, 'count_mismatch')).toBe(true);
    expect(r.conflicts[0].explanation).toMatch(
      /seven agreements.*nine agreements|nine agreements.*seven agreements/,
    );
  });
});

describe('trend_contradiction', () => {
  it('flags growth against decline wording for one metric, within one article too', () => {
    const up = claim(
      A1,
      'Trade between Marvela and Kestria has grown strongly in recent years.',
      'grown strongly',
      trend('up', 'trade', 'in recent years'),
    );
    const down = claim(
      A1,
      'Two-way trade between the two countries has shrunk in recent years.',
      'shrunk',
      trend('down', 'two-way trade', 'in recent years'),
    );
    const r = matchClaims([up, down]);
    expect(pairFlagged(r, up, down, 'trend_contradiction')).toBe(true);
  });

  it('flags growth wording against figures that fall inside its window', () => {
    const s = 'Trade between Marvela and Kestria stood at €441.9 million in 2023 and €386.4 million in 2024.';
    const f1 = claim(A2, s, '€441.9 million', money(441.9e6, '€441.9 million', '2023', 'trade'));
    const f2 = claim(A2, s, '€386.4 million', money(386.4e6, '€386.4 million', '2024', 'trade'));
    const up = claim(
      A2,
      'Officials insist that commerce between Marvela and Kestria has grown since 2022.',
      'grown',
      trend('up', 'commerce', 'since 2022'),
    );
    const r = matchClaims([f1, f2, up]);
    const c = r.conflicts.find((x) => x.kind === 'trend_contradiction');
    expect(c).toBeDefined();
    expect(c!.sideA).toEqual([up.id]);
    expect(c!.sideB.sort()).toEqual([f1.id, f2.id].sort());
    expect(c!.explanation).toMatch(/13%/);
  });

  it('does not set a forecast against a past fall, nor growth against rising figures', () => {
    const down = claim(
      A1,
      'Trade between Marvela and Kestria has fallen over the past two years.',
      'fallen',
      trend('down', 'trade', 'over the past two years'),
    );
    const forecast = claim(
      A2,
      'The new route should help trade between Marvela and Kestria grow further.',
      'grow',
      trend('up', 'trade'),
    );
    const s = 'Marvelan exports to Kestria rose from €100.5 million in 2023 to €120.2 million in 2024.';
    const e1 = claim(A3, s, '€100.5 million', money(100.5e6, '€100.5 million', '2023', 'exports'));
    const e2 = claim(A3, s, '€120.2 million', money(120.2e6, '€120.2 million', '2024', 'exports'));
    const up = claim(
      A3,
      'Marvelan exports to Kestria have grown in recent years.',
      'grown',
      trend('up', 'exports', 'in recent years'),
    );
    const r = matchClaims([down, forecast, e1, e2, up]);
    expect(r.conflicts).toEqual([]);
  });
});

describe('novelty_vs_precedent', () => {
  const keys = { entityKeys: ['marvela', 'kestria'] };
  const earlier = (year: string, art: Art = A2) => {
    const s = `President Ramiro Castaneda visited Kestria in ${year}, when the two countries signed a trade protocol.`;
    return claim(art, s, year, date(year, year, { granularity: 'year' }), {
      entityKeys: ['ramiro castaneda', 'kestria'],
    });
  };

  it('flags an unqualified "first-ever" visit against an earlier visit by the same kind of leader', () => {
    const n = claim(
      A1,
      'The stay was the first-ever visit by a Marvelan president to Kestria.',
      'first-ever',
      first('first-ever'),
      keys,
    );
    const p = earlier('1978');
    const r = matchClaims([n, p]);
    expect(pairFlagged(r, n, p, 'novelty_vs_precedent')).toBe(true);
    const c = r.conflicts.find((x) => x.kind === 'novelty_vs_precedent')!;
    expect(c.explanation).toContain('1978');
  });

  it('respects "since YEAR": an earlier visit before that year is consistent', () => {
    const n = claim(
      A1,
      'The visit is the first by a Marvelan head of state since diplomatic relations were restored in 1991.',
      'the first',
      first('first', { kind: 'since', year: 1991, text: 'since diplomatic relations were restored in 1991' }),
      keys,
    );
    // The article names its host elsewhere, as real coverage does.
    const context = claim(
      A1,
      'Kestrian and Marvelan ministers signed seven agreements.',
      'seven agreements',
      count(7, 'agreement', 'seven agreements'),
    );
    const before = earlier('1978');
    const after = earlier('1999', A3);
    const r = matchClaims([n, context, before, after]);
    expect(pairFlagged(r, n, before)).toBe(false);
    expect(pairFlagged(r, n, after, 'novelty_vs_precedent')).toBe(true);
  });

  it('reads the scope from the sentence when the extractor left it unqualified', () => {
    const n = claim(
      A1,
      'The visit is the first by a Marvelan president since ties were restored in 1991.',
      'the first',
      first('first'),
      keys,
    );
    const p = earlier('1978');
    expect(pairFlagged(matchClaims([n, p]), n, p)).toBe(false);
  });

  it('respects "in N years" and "in modern history"', () => {
    const inYears = claim(
      A1,
      'It is the first visit by a Marvelan president to Kestria in 11 years.',
      'first',
      first('first', { kind: 'in_years', years: 11, text: 'in 11 years' }),
      keys,
    );
    const modern = claim(
      A3,
      'It was the first time in modern history that Kestria had hosted a Marvelan president.',
      'first time',
      first('first time', { kind: 'modern_history', text: 'in modern history' }),
      keys,
    );
    const old = earlier('1978');
    const recent = earlier('2019', A2);
    const ancient = earlier('1890', A2);
    const r = matchClaims([inYears, modern, old, recent, ancient]);
    expect(pairFlagged(r, inYears, old)).toBe(false);
    expect(pairFlagged(r, inYears, recent, 'novelty_vs_precedent')).toBe(true);
    expect(pairFlagged(r, modern, old, 'novelty_vs_precedent')).toBe(true);
    expect(pairFlagged(r, modern, ancient)).toBe(false);
  });

  it('never flags praise without a claim of novelty, nor a different kind of visitor', () => {
    const historic = claim(
      A1,
      'The historic visit by the Marvelan president to Kestria opened a new chapter.',
      'historic',
      first('historic', { kind: 'unqualified' }, 'visit', 'superlative'),
      keys,
    );
    const minister = claim(
      A3,
      'It was the first-ever visit by a Marvelan defence minister to Kestria.',
      'first-ever',
      first('first-ever'),
      keys,
    );
    const p = earlier('1978');
    const r = matchClaims([historic, minister, p]);
    expect(r.conflicts.filter((c) => c.kind === 'novelty_vs_precedent')).toEqual([]);
  });

  it('does not treat the visit the "first" is about as its own precedent', () => {
    const n = claim(
      A1,
      'The stay was the first-ever visit by a Marvelan president to Kestria.',
      'first-ever',
      first('first-ever'),
      keys,
    );
    const same = claim(
      A2,
      'President Joaquin Ibanez visited Kestria in March 2025 for three days of talks.',
      'March 2025',
      date('2025-03', 'March 2025', { granularity: 'month' }),
      { entityKeys: ['joaquin ibanez', 'kestria'] },
    );
    expect(matchClaims([n, same]).conflicts).toEqual([]);
  });

  it('places an early-1980s visit named in the second clause correctly and not the later one', () => {
    const s =
      'In the early 1980s, Party First Secretary Ivo Radek visited Kestria, and Kestrian leader Pavel Horak also visited Marvela in 1983.';
    const d1 = claim(
      A2,
      s,
      'early 1980s',
      date('1980', 'the early 1980s', { granularity: 'decade', part: 'early' }),
      { entityKeys: ['ivo radek', 'kestria', 'pavel horak', 'marvela'] },
    );
    const n = claim(
      A1,
      'It was the first trip to Kestria by a Marvelan party leader.',
      'first',
      first('first', { kind: 'unqualified' }, 'trip'),
      keys,
    );
    const r = matchClaims([n, d1]);
    expect(pairFlagged(r, n, d1, 'novelty_vs_precedent')).toBe(true);
  });
});

describe('date_mismatch', () => {
  it('flags a weekday that does not fall on its own date', () => {
    const s = 'On Wednesday, March 11, 2025, the two presidents signed the agreements in Velgrad.';
    const d = claim(
      A3,
      s,
      'Wednesday, March 11, 2025',
      date('2025-03-11', 'Wednesday, March 11, 2025', { weekday: 'Wednesday' }),
    );
    const r = matchClaims([d]);
    const c = r.conflicts.find((x) => x.kind === 'date_mismatch');
    expect(c?.sideA).toEqual([d.id]);
    expect(c?.explanation).toMatch(/Tuesday/);
  });

  it('accepts a correct weekday, and a weekday-only date that matches the other article', () => {
    const a = claim(
      A1,
      'At talks on Tuesday, March 11, 2025, the presidents signed nine agreements.',
      'Tuesday, March 11, 2025',
      date('2025-03-11', 'Tuesday, March 11, 2025', { weekday: 'Tuesday' }),
    );
    const b = claim(
      A2,
      'The presidents held talks in Velgrad on Tuesday.',
      'Tuesday',
      date('2025-03-11', 'Tuesday', { weekday: 'Tuesday' }),
    );
    expect(matchClaims([a, b]).conflicts).toEqual([]);
  });

  it('flags the same event on different days', () => {
    const keys = { entityKeys: ['joaquin ibanez', 'kestria'] };
    const a = claim(
      A1,
      'President Joaquin Ibanez arrived in Kestria on March 10 for a state visit.',
      'March 10',
      date('2025-03-10', 'March 10'),
      keys,
    );
    const b = claim(
      A2,
      'President Joaquin Ibanez arrived in Kestria on March 9, officials said.',
      'March 9',
      date('2025-03-09', 'March 9'),
      keys,
    );
    expect(pairFlagged(matchClaims([a, b]), a, b, 'date_mismatch')).toBe(true);
  });

  it("keeps a state visit and a ministers' meeting during it apart", () => {
    const a = claim(
      A1,
      'The state visit to Kestria by President Joaquin Ibanez began on March 10, 2025.',
      'March 10, 2025',
      date('2025-03-10', 'March 10, 2025'),
      { entityKeys: ['joaquin ibanez', 'kestria'] },
    );
    const b = claim(
      A2,
      "Foreign Minister Lucia Ferrer had a meeting with her counterpart in Velgrad on March 11 as part of President Joaquin Ibanez's state visit.",
      'March 11',
      date('2025-03-11', 'March 11'),
      { entityKeys: ['lucia ferrer', 'joaquin ibanez', 'velgrad'] },
    );
    const r = matchClaims([a, b]);
    expect(r.conflicts).toEqual([]);
    const fa = r.facts.find((f) => f.claimIds.includes(a.id))!;
    expect(fa.claimIds).not.toContain(b.id);
  });

  it("keeps one person's visit in one year apart from another person's visit to the same place", () => {
    const a = claim(
      A1,
      'President Ana Rios made a visit to Kestria in 1959.',
      '1959',
      date('1959', '1959', { granularity: 'year' }),
      { entityKeys: ['ana rios', 'kestria'] },
    );
    const b = claim(
      A2,
      'President Joaquin Ibanez made a state visit to Kestria in 2025.',
      '2025',
      date('2025', '2025', { granularity: 'year' }),
      { entityKeys: ['joaquin ibanez', 'kestria'] },
    );
    const c = claim(
      A3,
      'Ana Rios paid a visit to Kestria in 1959, the archive shows.',
      '1959',
      date('1959', '1959', { granularity: 'year' }),
      { entityKeys: ['ana rios', 'kestria'] },
    );
    const r = matchClaims([a, b, c]);
    expect(r.conflicts).toEqual([]);
    const fa = r.facts.find((f) => f.claimIds.includes(a.id))!;
    expect(fa.claimIds).toContain(c.id);
    expect(fa.claimIds).not.toContain(b.id);
    expect(fa.label).toMatch(/Ana Rios's visit to Kestria/);
  });
});

describe('generalisation beyond visits', () => {
  const F1: Art = { id: 11, publishedAt: '2023-06-12' };
  const F2: Art = { id: 12, publishedAt: '2023-06-13' };
  const F3: Art = { id: 13, publishedAt: '2023-06-14' };

  it('sets "never before" against a dated earlier instance of the same happening, within scope', () => {
    const never = claim(
      F1,
      'Never before had the regatta sold out its grandstand, the organisers said.',
      'Never before',
      first('never before', { kind: 'unqualified' }, 'regatta'),
    );
    const earlier = claim(
      F2,
      'The regatta also sold out its grandstand in 2009, when the final was held at dusk.',
      '2009',
      date('2009', '2009', { granularity: 'year' }),
    );
    const unrelated = claim(
      F3,
      'The regatta was moved to the northern bay in 2015.',
      '2015',
      date('2015', '2015', { granularity: 'year' }),
    );
    const inYears = claim(
      F3,
      'The grandstand sold out for the first time in 14 years, the regatta office said.',
      'for the first time',
      first('for the first time', { kind: 'in_years', years: 14, text: 'in 14 years' }, 'regatta'),
    );
    const r = matchClaims([never, earlier, unrelated, inYears]);
    expect(pairFlagged(r, never, earlier, 'novelty_vs_precedent')).toBe(true);
    expect(pairFlagged(r, never, unrelated)).toBe(false);
    // 2009 is exactly 14 years before 2023: "first time in 14 years" is consistent with it.
    expect(pairFlagged(r, inYears, earlier)).toBe(false);
  });

  it('sets two founding years of one institution against each other, but not a decade that contains one', () => {
    const a = claim(
      F1,
      'Founded in 1994 by a group of local teachers, the regatta club has grown into a national event.',
      '1994',
      date('1994', '1994', { granularity: 'year' }),
    );
    const b = claim(
      F2,
      'The club was founded in 1989 by three sailing teachers from the town school.',
      '1989',
      date('1989', '1989', { granularity: 'year' }),
    );
    const c = claim(
      F3,
      'The regatta club was founded in the 1990s by local teachers and school crews.',
      '1990s',
      date('1990', 'the 1990s', { granularity: 'decade' }),
    );
    const r = matchClaims([a, b, c]);
    expect(pairFlagged(r, a, b, 'date_mismatch')).toBe(true);
    expect(pairFlagged(r, c, b, 'date_mismatch')).toBe(true);
    expect(pairFlagged(r, a, c)).toBe(false);
  });

  it('keeps people counted for different reasons apart, and reads units alike', () => {
    const evac1 = claim(
      F1,
      'Rescue teams had evacuated 12,400 people from low-lying districts.',
      '12,400 people',
      count(12400, 'person', '12,400 people'),
    );
    const evac2 = claim(
      F2,
      'Emergency services said 21,400 people had been evacuated from the valley.',
      '21,400 people',
      count(21400, 'person', '21,400 people'),
    );
    const homeless = claim(
      F3,
      'The floods left about 5,000 people homeless.',
      'about 5,000 people',
      count(5000, 'person', 'about 5,000 people', 'about'),
    );
    const rain1: MatchClaim = claim(
      F1,
      'The weather service said 310 mm of rain fell on the upper valley.',
      '310 mm',
      {
        type: 'figure',
        amount: 310,
        currency: null,
        unit: 'mm',
        approx: 'exact',
        period: null,
        metric: 'rain',
        parties: [],
        display: '310 mm',
      },
    );
    const rain2 = claim(
      F3,
      'After 410 millimetres of rain fell on the hills in one day, the river rose.',
      '410 millimetres',
      count(410, 'millimetre', '410 millimetres'),
    );
    const r = matchClaims([evac1, evac2, homeless, rain1, rain2]);
    expect(pairFlagged(r, evac1, evac2, 'count_mismatch')).toBe(true);
    expect(pairFlagged(r, homeless, evac1)).toBe(false);
    expect(pairFlagged(r, homeless, evac2)).toBe(false);
    expect(pairFlagged(r, rain1, rain2, 'figure_mismatch')).toBe(true);
  });

  it('flags one day given two weekdays even when no year could be resolved', () => {
    const a = claim(
      F1,
      'The closing concert on Saturday, June 11, was given to the youth band.',
      'Saturday, June 11',
      { ...date('', 'Saturday, June 11', { weekday: 'Saturday' }) },
    );
    const b = claim(
      F2,
      'The closing concert on Sunday, June 11, belonged to the youth band.',
      'Sunday, June 11',
      date('2023-06-11', 'Sunday, June 11', { weekday: 'Sunday' }),
    );
    expect(pairFlagged(matchClaims([a, b]), a, b, 'date_mismatch')).toBe(true);
  });
});

describe('superlatives of size and deal dates', () => {
  const D1: Art = { id: 21, publishedAt: '2024-03-13' };
  const D2: Art = { id: 22, publishedAt: '2024-03-14' };
  const eur = (amount: number, display: string, period: string | null): ClaimValue => ({
    type: 'figure',
    amount,
    currency: 'EUR',
    unit: null,
    approx: 'exact',
    period,
    metric: null,
    parties: [],
    display,
  });

  it('sets "the largest ever deal" against a larger deal dated earlier, but respects "since YEAR"', () => {
    const s =
      "Norvik's €1.8bn agreement to buy Halden Tel is the largest ever deal in the regional telecoms sector.";
    const largest = claim(
      D1,
      s,
      'largest ever deal',
      first('largest ever', { kind: 'unqualified' }, 'deal', 'superlative'),
    );
    const own = claim(D1, s, '€1.8bn', eur(1.8e9, '€1.8bn', null));
    const since = claim(
      D2,
      'The purchase of Halden Tel for €1.8bn is the largest acquisition in the region since 2018, when Vesta paid a record sum.',
      'largest acquisition',
      first('largest', { kind: 'since', year: 2018, text: 'since 2018' }, 'acquisition', 'superlative'),
    );
    const sinceOwn = claim(D2, since.sentence, '€1.8bn', eur(1.8e9, '€1.8bn', null));
    const earlier = claim(
      D2,
      'In 2018, Vesta paid €2.6bn for the operator Korva.',
      '€2.6bn',
      eur(2.6e9, '€2.6bn', '2018'),
    );
    const r = matchClaims([largest, own, since, sinceOwn, earlier]);
    expect(pairFlagged(r, largest, earlier, 'novelty_vs_precedent')).toBe(true);
    expect(pairFlagged(r, since, earlier)).toBe(false);
  });

  it('sets two expected completion dates of one deal against each other', () => {
    const a = claim(
      D1,
      'The deal needs regulatory approval and is expected to close in the fourth quarter of 2024.',
      'fourth quarter of 2024',
      {
        type: 'date',
        date: '2024-10',
        end: '2024-12',
        granularity: 'range',
        weekday: null,
        part: null,
        event: 'completion',
        display: 'Q4 2024',
      },
    );
    const b = claim(
      D2,
      'The companies expect the transaction to close by mid-2025, once regulators give their approval.',
      'mid-2025',
      {
        type: 'date',
        date: '2025',
        end: null,
        granularity: 'year',
        weekday: null,
        part: 'mid',
        event: 'completion',
        display: 'mid 2025',
      },
    );
    expect(pairFlagged(matchClaims([a, b]), a, b, 'date_mismatch')).toBe(true);
  });
});
