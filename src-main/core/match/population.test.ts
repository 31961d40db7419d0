/**
 * Population figures: births by year, babies and births, dwellings and households, the
 * median age, and a decline worded two ways. Articles invented for the test, run
 * through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const explained = (r: ReturnType<typeof story>) => r.result.conflicts.map((c) => c.explanation).join('\n');

describe('population figures', () => {
  it('does not date a birth by the years of two birth counts', () => {
    const r = story(
      ' date 2026-11-26 Census\n\nSome 49,120 babies were born in 2016, the office said.\n',
      ' date 2026-11-26 Live\n\n10:20 GMT – The office says 38,940 babies were born in 2025, the lowest since records began.\n',
    );
    expect(r.result.conflicts.filter((c) => c.kind === 'date_mismatch')).toEqual([]);
  });

  it('sets "38,940 babies were born in 2025" against "36,940 births in 2025"', () => {
    const r = story(
      ' date 2026-11-26 Live\n\n10:20 GMT – The statistics office says 38,940 babies were born in 2025.\n',
      ' date 2026-11-28 Interview\n\nThe statistics office counted 36,940 births in 2025, a record low.\n',
    );
    expect(explained(r)).toMatch(/38,940.*36,940|36,940.*38,940/);
  });

  it('keeps dwellings and households apart', () => {
    const r = story(
      ' date 2026-11-26 Census\n\nThere are 2,104,000 dwellings in the country, the office said.\n',
      ' date 2026-11-27 Explainer\n\nThe census counted 1,873,000 households, the office said.\n',
    );
    expect(r.result.conflicts).toEqual([]);
  });

  it('reads "the median age rose to 44.7 years" as a figure and sets it against 45.7 years', () => {
    const r = story(
      ' date 2026-11-26 Census\n\nThe median age rose to 44.7 years, the office said.\n',
      ' date 2026-11-28 Interview\n\nThe median age is now 45.7 years, the demographer said.\n',
    );
    expect(explained(r)).toMatch(/44\.7 years.*45\.7 years|45\.7 years.*44\.7 years/);
  });

  it('sets "a decline of 4.9%" against "a fall of 5.9 percent" over the same decade', () => {
    const r = story(
      ' date 2026-11-26 Census\n\nThe population shrank by 238,824 people since the last census, a decline of 4.9%.\n',
      ' date 2026-11-28 Interview\n\nA fall of 5.9 percent since the last census is a lot for a country at peace.\n',
    );
    expect(explained(r)).toMatch(/4\.9%.*5\.9 percent|5\.9 percent.*4\.9%/);
  });
});

describe('regional breakdowns', () => {
  it('keeps one region of a breakdown apart from the national rate', () => {
    const r = story(
      ' date 2026-02-12 Jobs\n\nThe national unemployment rate fell to 4.1% in January, the statistics office said.\n',
      ' date 2026-02-12 Jobs\n\nUnemployment fell to 4.1% nationally. In the western province of Oskar only 3,2 % are without work, while on the Amber Coast the rate is 5,6 %.\n',
    );
    const quotes = r.desk.claims.filter((c) => c.kind === 'figure').map((c) => c.quote);
    expect(quotes).toEqual(expect.arrayContaining(['3,2 %', '5,6 %']));
    expect(explained(r)).not.toMatch(/5[.,]6|3[.,]2/);
  });

  it('still sets a place-named rate against the same rate given without a place', () => {
    const r = story(
      ' date 2026-02-12 Jobs\n\nOn the Amber Coast the unemployment rate is 5.6%, the office said.\n',
      ' date 2026-02-12 Jobs\n\nThe Amber Coast unemployment rate is 5.1%, the office said.\n',
    );
    expect(explained(r)).toMatch(/5\.6%.*5\.1%|5\.1%.*5\.6%/);
  });
});
