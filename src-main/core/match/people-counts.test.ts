/**
 * Counts of people under other names (survivors, marchers), a crowd of years ago, and a
 * tally read on two days. Articles invented for the test, run through the real
 * extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const counts = (r: ReturnType<typeof story>) =>
  r.result.conflicts.filter((c) => c.kind === 'count_mismatch').map((c) => c.explanation);

describe('people under other names', () => {
  it('sets "381 survivors brought ashore" against "318 people rescued" from the same update', () => {
    const r = story(
      ' date 2026-03-15 Ferry toll rises\n\nBy Saturday evening, 318 people had been rescued alive and 74 bodies had been recovered from the sea, the police commissioner said.\n',
      ' date 2026-03-14 Live\n\n18:05 GMT – In his Saturday evening update the police commissioner said 74 bodies have now been recovered and 381 survivors have been brought ashore.\n',
    );
    const found = counts(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/318/);
    expect(found[0]).toMatch(/381/);
    expect(found[0]).not.toMatch(/74 bodies/);
  });

  it('does not set today’s crowd against a crowd counted at a rally years ago', () => {
    const r = story(
      ' date 2026-11-20 March\n\nAcross the country 112,000 demonstrators took part in the marches, the interior ministry said.\n',
      ' date 2026-11-21 Explainer\n\nAt a general-strike rally in October 2015 police counted some 85,000 people outside parliament.\n',
    );
    expect(counts(r)).toEqual([]);
  });
});

describe('a tally read on two days', () => {
  it('does not flag "27 detained so far" on Thursday against the 62 police gave on Friday', () => {
    const r = story(
      ' date 2026-11-19 Live\n\n16:20 GMT – Police say 27 people have been detained so far.\n',
      ' date 2026-11-20 March\n\nPolice said on Friday that 62 people had been detained in the capital.\n',
    );
    expect(counts(r)).toEqual([]);
  });

  it('flags a later reading lower than an earlier one', () => {
    const r = story(
      ' date 2026-11-19 Live\n\n16:20 GMT – Police say 27 people have been detained so far.\n',
      ' date 2026-11-20 March\n\nPolice said on Friday that 12 people had been detained in the capital.\n',
    );
    expect(counts(r)).toHaveLength(1);
  });
});

describe('bodies and headlines', () => {
  it('counts bodies recovered as the toll of the same evening', () => {
    const r = story(
      ' date 2026-05-06 Mill collapse\n\nThe death toll from the collapse of the old mill stood at 9 by Wednesday evening, the prefecture said.\n',
      ' date 2026-05-07 Mill collapse\n\nFirefighters had recovered 12 bodies from the rubble by Wednesday evening, the fire service said.\n',
    );
    const found = counts(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/\b9\b/);
    expect(found[0]).toMatch(/12 bodies/);
  });

  it("reads a headline's toll on its article's day, so a later headline does not contradict an earlier count", () => {
    const r = story(
      ' date 2026-05-06 Mill collapse\n\nBy Wednesday evening, 9 bodies had been recovered from the rubble, the prefecture said.\n',
      ' date 2026-05-08 Mill collapse: 15 dead, search goes on\n\nRescuers worked through a third night at the site of the old mill, the fire service said.\n',
    );
    expect(counts(r)).toEqual([]);
  });
});
