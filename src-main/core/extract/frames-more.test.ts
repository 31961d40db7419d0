/** What a number measures, read from less common wordings. Sentences invented for the test. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';

function claimsOf(text: string) {
  return extractArticle({ text, publishedAt: '2025-06-12' } as never).claims;
}

/** What the claim quoted exactly so measures, as its frame says. */
function propertyAt(text: string, quote: string) {
  const c = claimsOf(text).find((x) => x.exact === quote);
  return c && (c.value.type === 'count' || c.value.type === 'figure') ? c.value.frame?.property : undefined;
}

describe('frames and parts', () => {
  it('reads the second object of one estimate: "put the magnitude at 6.4 and the depth at 41 km"', () => {
    const km = claimsOf('The survey put the magnitude at 6.4 and the depth at 41 kilometres.').find(
      (c) => c.value.type === 'figure' && c.value.unit === 'km',
    );
    expect(km?.value.type === 'figure' ? km.value.frame?.property : null).toBe('depth');
  });

  it('reads "won 52 of the 150 seats" as 52 seats, beside the 150 in all', () => {
    const counts = claimsOf('The Greens won 52 of the 150 seats, the commission said.')
      .map((c) => c.value)
      .filter((v) => v.type === 'count')
      .map((v) => (v.type === 'count' ? `${v.count} ${v.noun}` : ''));
    expect(counts).toEqual(['52 seat', '150 seat']);
    const cancelled = claimsOf(
      'The railway cancelled 6,200 of its roughly 7,400 scheduled daily passenger services.',
    )
      .map((c) => c.value)
      .filter((v) => v.type === 'count')
      .map((v) => (v.type === 'count' ? `${v.count} ${v.noun}` : ''));
    expect(cancelled[0]).toBe('6200 service');
  });
});

describe('amounts used as adjectives', () => {
  it('takes the noun an amount modifies as what it measures, over a name between them', () => {
    const prop = (text: string) => {
      const c = claimsOf(text).find((x) => x.value.type === 'figure');
      return c?.value.type === 'figure' ? c.value.frame?.property : null;
    };
    expect(
      prop('The lander is the centrepiece of the €310 million Lumiar-2 mission and landed safely.'),
    ).toBe('mission');
    expect(prop('She leads the team of the €410 million mission that put the lander down.')).toBe('mission');
  });
});

describe('novelty in a named history', () => {
  it('reads "the first … in Valdoria\'s history" and "in the company\'s 35-year history" as claims of novelty', () => {
    const firsts = (text: string) => claimsOf(text).filter((c) => c.value.type === 'novelty').length;
    expect(firsts("It will be the first nationwide rail strike in Valdoria's history.")).toBe(1);
    expect(firsts("It is the first breach in the company's 35-year history.")).toBe(1);
    expect(firsts('She was the first director of the agency.')).toBe(0);
  });
});

describe('counts fused to their noun', () => {
  it('reads "the six-carriage train" as six carriages, not an age or a length of time', () => {
    const counts = (text: string) =>
      claimsOf(text)
        .map((c) => c.value)
        .filter((v) => v.type === 'count')
        .map((v) => (v.type === 'count' ? `${v.count} ${v.noun}` : ''));
    expect(counts('The six-carriage train left at noon.')).toEqual(['6 carriage']);
    expect(counts('A 26-year-old man was hurt.')).toEqual([]);
  });
});

describe('heights and overruns', () => {
  const propertyOf = (text: string, quote: string) => {
    const c = claimsOf(text).find(
      (x) => text.slice(0, 0) === '' && x.value.type === 'figure' && x.value.display.includes(quote),
    );
    return c?.value.type === 'figure' ? c.value.frame?.property : undefined;
  };

  it('reads "cruising at 36,000 feet" as a height, not a distance "over the North Sea"', () => {
    expect(propertyOf('The pilots reported a fault while cruising at 36,000 feet.', '36')).toBe('height');
    expect(propertyOf('The jet was at 32,000 feet over the North Sea when it turned back.', '32')).toBe(
      'height',
    );
  });

  it('reads "140 metres beyond the end of the runway" and "60 metres past the runway end" as one measure', () => {
    expect(propertyOf('The jet came to rest roughly 140 metres beyond the end of the runway.', '140')).toBe(
      'distance beyond',
    );
    expect(propertyOf('The spokesman said the jet stopped some 60 metres past the runway end.', '60')).toBe(
      'distance beyond',
    );
  });
});

describe('superlatives over a stated history', () => {
  it('reads "the largest recall in the company\'s 94-year history" as a claim that none was larger', () => {
    const novelty = claimsOf(
      'The recall covers 2.37 million vehicles, making it the largest recall in the company’s 94-year history.',
    ).find((c) => c.value.type === 'novelty');
    expect(novelty?.value).toMatchObject({ type: 'novelty', phrase: 'largest ever', event: 'recall' });
  });
});

describe('a year told the sentence before', () => {
  it('dates "It involved some 61,000 workers" by the one year the sentence before names', () => {
    const count = claimsOf(
      'The last nationwide strike took place in March 1994 and lasted three days. It involved some 61,000 railway workers, the union said.',
    ).find((c) => c.value.type === 'count' && c.value.count === 61000);
    expect(count?.value).toMatchObject({ period: '1994' });
  });

  it('leaves it undated when the sentence before names two years', () => {
    const count = claimsOf(
      'Strikes in 1994 and 2019 closed the network. It involved some 61,000 railway workers, the union said.',
    ).find((c) => c.value.type === 'count' && c.value.count === 61000);
    expect(count?.value).toMatchObject({ period: null });
  });
});

describe('years that bound or name something else', () => {
  it('gives no period to "6.4% lower, the steepest drop since October 2022"', () => {
    const pct = claimsOf(
      'Harcastle shares closed 6.4% lower in London, their steepest one-day drop since October 2022.',
    ).find((c) => c.value.type === 'figure' && c.value.unit === '%');
    expect(pct?.value).toMatchObject({ period: null });
  });

  it('reads "the maximum fine under the 2019 pollution law" as a fine, with no period', () => {
    const fine = claimsOf('The maximum fine under the 2019 marine pollution law is €2.1 million.').find(
      (c) => c.value.type === 'figure' && c.value.currency === 'EUR',
    );
    expect(fine?.value).toMatchObject({ period: null, frame: { property: 'maximum fine' } });
  });
});

describe('numbers that name a class', () => {
  it('reads no count in "tier 1 bonds", "Phase 3 trials" or "a Category 5 storm"', () => {
    const counts = claimsOf(
      'The bank wrote off its additional tier 1 bonds. Phase 3 trials enrolled 14,212 patients as a Category 5 storm hit.',
    )
      .filter((c) => c.value.type === 'count')
      .map((c) => c.value.display);
    expect(counts).toEqual(['14,212 patients']);
  });
});

describe('collective nouns', () => {
  it('reads "the official attendance at 41,276" and "the crowd of 42,176" as counts of people', () => {
    const counts = claimsOf(
      'The federation put the official attendance at 41,276. The crowd of 42,176 on Thursday included 15,000 fans.',
    )
      .filter((c) => c.value.type === 'count')
      .map((c) => (c.value.type === 'count' ? [c.value.count, c.value.frame?.property] : null));
    expect(counts).toEqual([
      [41276, 'official attendance'],
      [42176, 'crowd'],
      [15000, expect.anything()],
    ]);
  });
});

describe('a part of a group named without its size', () => {
  it('reads "6,800 of the positions" and "nine of the miners were rescued" as counts, not "one of the biggest"', () => {
    const counts = claimsOf(
      'A total of 6,800 of the positions will go in Germany. Nine of the miners were rescued. It is one of the biggest plants.',
    )
      .filter((c) => c.value.type === 'count')
      .map((c) => (c.value.type === 'count' ? [c.value.count, c.value.noun, c.value.frame?.property] : null));
    expect(counts).toEqual([
      [6800, 'position', 'position'],
      [9, 'miner', 'rescued'],
    ]);
  });
});

describe('an aside about the subject', () => {
  it('gives no period to "The mine, which opened in 1974, employs 3,100 people"', () => {
    const count = claimsOf('The mine, which opened in 1974, employs 3,100 people.').find(
      (c) => c.value.type === 'count',
    );
    expect(count?.value).toMatchObject({ count: 3100, period: null });
  });

  it('keeps the year of an aside for a value inside it', () => {
    const figure = claimsOf('The firm, whose revenue was €2 billion in 2019, is listed in Warsaw.').find(
      (c) => c.value.type === 'figure',
    );
    expect(figure?.value).toMatchObject({ period: '2019' });
  });
});

describe('percent in the source language', () => {
  it('reads "18,5 Prozent" and "4,2 pour cent" as percentages', () => {
    const pcts = claimsOf(
      'Die Aktie schloss mit einem Plus von 18,5 Prozent. La hausse atteint 4,2 pour cent.',
    )
      .filter((c) => c.value.type === 'figure' && c.value.unit === '%')
      .map((c) => (c.value.type === 'figure' ? c.value.amount : null));
    expect(pcts).toEqual([18.5, 4.2]);
  });
});

describe('gaps that widen and narrow', () => {
  it('reads "the net loss narrowed" as a fall and "the trade deficit widened" as a rise', () => {
    const trends = claimsOf(
      'The net loss narrowed to €22 million from €41 million. The trade deficit widened.',
    )
      .filter((c) => c.kind === 'trend')
      .map((c) => c.value.display);
    expect(trends).toEqual(['net loss ↓', 'trade deficit ↑']);
  });
});

describe('weather that strengthens and eases', () => {
  it('reads "the rain intensified" and "the drought worsened" as rises, "the flooding subsided" as a fall', () => {
    const trends = claimsOf(
      'On Sunday night the rain intensified again. The drought worsened in the south. The flooding subsided on Monday.',
    )
      .filter((c) => c.kind === 'trend')
      .map((c) => c.value.display);
    expect(trends).toEqual(['rain ↑', 'drought ↑', 'flooding ↓']);
  });

  it('reads no trend in ties that "strengthened" or "deepened": diplomatic wording measures nothing', () => {
    const trends = claimsOf('Relations strengthened after the visit. Cooperation deepened in 2024.').filter(
      (c) => c.kind === 'trend',
    );
    expect(trends).toEqual([]);
  });
});

describe('participles and present tenses', () => {
  it('reads irregular participles and present-tense amount verbs as what is counted', () => {
    expect(propertyAt('Police said 25 people were caught in the slide.', '25 people')).toBe('caught');
    expect(propertyAt('Rescuers said 14 people were hurt.', '14 people')).toBe('hurt');
    expect(
      propertyAt(
        'The number of patients climbs to 61, the hospital said.',
        'number of patients climbs to 61',
      ),
    ).toBe('patients');
  });
});

describe('margins and estimates', () => {
  it('reads "prevailed by N votes" as a margin, like "a margin of N votes"', () => {
    expect(propertyAt('The Yes side prevailed by 29,756 votes.', '29,756 votes')).toBe('margin');
    expect(propertyAt('Yes won by a margin of 92,756 votes.', '92,756 votes')).toBe('margin');
  });
  it('keeps the of-phrase of an estimate\'s object: "put the cost of urgent repairs at"', () => {
    expect(
      propertyAt('The engineers put the cost of urgent repairs at 2.1 million euros.', '2.1 million euros'),
    ).toBe('cost urgent repairs');
  });
  it("leaves a measure's own number word and pronouns out of its context", () => {
    const c = claimsOf('She said they were inside the vault for seven minutes.').find(
      (x) => x.exact === 'seven minutes',
    );
    const terms = c && c.value.type === 'figure' ? (c.value.frame?.terms ?? []) : [];
    expect(terms).toEqual(expect.arrayContaining(['inside', 'vault']));
    expect(terms).not.toContain('seven');
    expect(terms).not.toContain('she');
  });
});
