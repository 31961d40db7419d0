/**
 * Whose value a share is, and at which stage of a count it was read: per-party results
 * of an election are one fact per party, and a share read with 95% of ballots counted is
 * not the final one. Articles invented for the test, run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const figures = (r: ReturnType<typeof story>) =>
  r.result.conflicts.filter((c) => c.kind === 'figure_mismatch').map((c) => c.explanation);

describe('shares of several holders', () => {
  it('keeps each party’s share to its own fact and flags the party two outlets disagree on', () => {
    const r = story(
      ' date 2025-10-06 Final result\n\nThe Greens won 52 of the 150 seats, with 31.8% of the vote, the commission said. The Liberal Union of Prime Minister Jan Horak fell to 24.6%. The nationalist Homeland Party reached 13.2%, the agrarian Rural League 9.7%.\n',
      ' date 2025-10-06 Results in\n\nThe Greens finished with 31.8% of the vote. The Liberal Union finished on 24.6%, its worst result. The Homeland Party took 13.2%, and the Rural League took 11.4%.\n',
    );
    const found = figures(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/9\.7%.*11\.4%|11\.4%.*9\.7%/);
  });

  it('does not set a share read during the count against the final share', () => {
    const r = story(
      ' date 2025-10-06 Early count\n\nWith 95% of ballots counted, the Greens had 32.1% of the vote, the commission said. The Homeland Party was third with 13.4%.\n',
      ' date 2025-10-06 With 60% counted\n\nWith 60% of ballots counted, the Greens have 33.0%, the commission’s website shows.\n',
      ' date 2025-10-07 Final result\n\nAfter all votes were counted, the Greens came to 31.8 percent and the Homeland Party to 13.2 percent, the commission said.\n',
    );
    expect(figures(r)).toEqual([]);
  });
});

describe('one counted thing, by any name, and its parts', () => {
  it('sets "1,100 positions" against "around 1.400 jobs" but not the Swedish part of a group-wide cut', () => {
    const r = story(
      ' date 2026-10-22 Cuts\n\nThe group will cut 1,100 of its 18,400 positions over two years, it said.\n',
      ' date 2026-10-22 Town hit\n\nThe town’s largest employer said it will cut 650 jobs in Sweden as part of a group-wide reduction.\n',
      ' date 2026-10-22 Stellenabbau\n\nThe company wants to cut around 1.400 jobs worldwide over two years.\n',
    );
    const counts = r.result.conflicts.filter((c) => c.kind === 'count_mismatch').map((c) => c.explanation);
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatch(/1,100/);
    expect(counts[0]).toMatch(/1\.400/);
    expect(counts[0]).not.toMatch(/650/);
  });
});

describe('parts of a group', () => {
  it('counts "Nine of them were taken to hospital" as people and sets it against "14 people were taken to hospitals"', () => {
    const r = story(
      ' date 2026-11-27 Jet overruns runway\n\nAll of the occupants left the aircraft down the slides. Nine of them were taken to the university hospital, a hospital spokesman said.\n',
      ' date 2026-11-27 Landung im Schnee\n\n14 people were taken to hospitals in Bergvik overnight, the news agency reported, citing the rescue services.\n',
    );
    const counts = r.result.conflicts.filter((c) => c.kind === 'count_mismatch').map((c) => c.explanation);
    expect(counts.join('\n')).toMatch(/\b9 people.*14 people|14 people.*\b9 people/);
  });

  it('does not set two parts that say different things of their group against each other', () => {
    const r = story(
      ' date 2025-09-17 Crash\n\nThe injured were taken to three hospitals; 11 of them were in critical condition on Wednesday.\n',
      ' date 2025-09-18 Victims\n\nRelatives gave DNA samples to help identify the victims, eight of whom had not been named by Thursday.\n',
    );
    expect(r.result.conflicts.filter((c) => c.kind === 'count_mismatch')).toEqual([]);
  });
});

describe('a whole told with its parts', () => {
  it('sets "7,480 cases in the district, most of them in townships" against "7,840 cases" in the district', () => {
    const r = story(
      ' date 2025-01-13 Outbreak\n\nBy Sunday, 7,480 cases were recorded in Mbalenga district, most of them in densely populated townships, the institute said.\n',
      ' date 2025-01-13 District toll\n\nMbalenga district has recorded 7,840 cases since the outbreak began, the district health office said.\n',
    );
    const counts = r.result.conflicts.filter((c) => c.kind === 'count_mismatch').map((c) => c.explanation);
    expect(counts.join('\n')).toMatch(/7,480.*7,840|7,840.*7,480/);
  });
});

describe('holders of two kinds', () => {
  it('sets the state’s guarantee for a bank against another outlet’s figure for it', () => {
    const { result } = story(
      ' date 2025-03-17 Rescue\n\nVan Houten Bank receives a state guarantee of €12 billion to cover potential losses on its commercial property loans, the finance ministry said.\n',
      ' date 2025-03-17 Rettung\n\nThe Dutch state is taking on a guarantee of 15 billion euros for possible losses from the commercial property portfolio.\n',
    );
    const guarantee = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(guarantee).toHaveLength(1);
  });
});
