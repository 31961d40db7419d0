/**
 * The year something was built: three articles against one make one disagreement.
 * Articles invented for the test, run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));

describe('the year a ship was built', () => {
  it('sets "built in 1987" against three articles’ "built in 1979", once, and leaves "bought in 2009" alone', () => {
    const r = story(
      ' date 2026-03-14 Ferry sinks\n\nThe 47-year-old ship, built in Greece in 1979, was licensed to carry 600 passengers.\n',
      ' date 2026-03-14 Ferry toll rises\n\nThe Nyota ya Bahari was built in Greece in 1979, according to the maritime register.\n',
      ' date 2026-03-15 Explainer\n\nThe Nyota was built in Greece in 1979 as a car ferry.\n',
      'Ferry disaster: what we know\n\nThe ferry was built in Greece in 1987 and bought by its operator in 2009.\n',
    );
    const found = r.result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]!.explanation).toMatch(/1979/);
    expect(found[0]!.explanation).toMatch(/1987/);
    expect(found[0]!.sideA.length + found[0]!.sideB.length).toBe(4);
    expect(found[0]!.explanation).not.toMatch(/2009/);
  });
});

describe('deaths that are counted', () => {
  it("does not set one victim's death against others who died on other days", () => {
    const r = runStory(
      [
        ' date 2026-07-13 Crush\n\nA 19-year-old woman died in hospital early on Sunday morning, the hospital said.\n',
        ' date 2026-07-14 Crush\n\nTwo more victims died in hospital on Monday, the health ministry said.\n',
        ' date 2026-07-16 Explainer\n\nIn a crush at a stadium on 4 May 2003, 14 people died.\n',
      ].map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })),
    );
    expect(r.result.conflicts.filter((c) => c.kind === 'date_mismatch')).toEqual([]);
  });
});
