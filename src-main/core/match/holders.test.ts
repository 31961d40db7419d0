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
