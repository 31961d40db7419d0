/**
 * A change from one value to another: the old value is its own quantity. Articles
 * invented for the test, run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const figures = (r: ReturnType<typeof story>) =>
  r.result.conflicts.filter((c) => c.kind === 'figure_mismatch').map((c) => c.explanation);

describe('the old value of a change', () => {
  it('sets the old VAT rates against each other, never an old rate against a new one', () => {
    const r = story(
      ' date 2026-10-13 Budget\n\nThe standard rate of value-added tax goes from 21% to 23% from January 1, the finance minister said.\n',
      ' date 2026-10-14 Interview\n\nThe standard rate of value-added tax goes from 20% to 23% in January, the economist said.\n',
      ' date 2026-10-13 Budget live\n\n10:30 GMT – The standard rate of value-added tax will rise to 23%, up from 21%.\n',
    );
    const found = figures(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/20%/);
    expect(found[0]).toMatch(/21%/);
    // (the fact's label quotes the sentence; the sides are "value (n articles …)")
    expect(found[0]).not.toMatch(/23% \(/);
  });

  it('keeps "after previously 4 to 6%" apart from the new range', () => {
    const r = story(
      ' date 2026-10-22 Guidance\n\nThe group now expects organic growth of 7-9% for the full year, after previously 4-6%.\n',
      ' date 2026-10-22 Results\n\nThe group raised its organic growth target to 7-9% from 4-6% previously.\n',
    );
    expect(figures(r)).toEqual([]);
  });
});

describe('a trend its own figures bear out', () => {
  it('does not set "corporate tax falls from 22% to 20%" against the VAT going from 21% to 23%', () => {
    const r = story(
      ' date 2026-10-13 Budget\n\nThe standard rate of value-added tax goes from 21% to 23% from January 1, the finance minister said.\n',
      ' date 2026-10-13 Budget live\n\n08:47 GMT – Corporate tax falls from 22% to 20%, the finance minister says.\n',
    );
    expect(r.result.conflicts.filter((c) => c.kind === 'trend_contradiction')).toEqual([]);
  });

  it('still sets a trend against its own sentence’s figures when they contradict it', () => {
    const r = story(
      ' date 2026-10-13 Budget\n\nEducation spending rises from 9.8 billion talers to 9.1 billion talers next year.\n',
    );
    expect(r.result.conflicts.filter((c) => c.kind === 'trend_contradiction')).toHaveLength(1);
  });
});

describe('money got back', () => {
  it('reads "recovered about €23.5 million" as an amount recovered, not as a rise', () => {
    const r = story(
      ' date 2025-06-12 Verdict\n\nThe administrator has so far recovered about €23.5 million. Shares in the group recovered 2% on Friday.\n',
    );
    const trends = r.desk.claims.filter((c) => c.kind === 'trend');
    expect(trends).toHaveLength(1);
    expect(r.desk.claims.find((c) => c.kind === 'figure' && c.quote.includes('23.5'))).toBeDefined();
  });
});

describe('one direction disputed by several articles', () => {
  it('is one conflict, whichever facts the rising wordings fell in', () => {
    const r = runStory(
      [
        ' date 2026-04-09 Jobs\n\nThe rate for under-25s rose to 11.2% from 10.6%, the office said.\n',
        ' date 2026-04-09 Jobs\n\nAmong the young, joblessness climbed to 11,2 % in March.\n',
        ' date 2026-04-09 Jobs\n\n07:40 GMT – Youth unemployment is rising again, now 11.2%.\n',
        ' date 2026-04-10 Interview\n\nYouth unemployment eased to 11.2%, she said.\n',
      ].map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })),
    );
    const trends = r.result.conflicts.filter((c) => c.kind === 'trend_contradiction');
    expect(trends).toHaveLength(1);
    const eased = r.desk.claims.find((c) => c.quote === 'eased')!.id;
    const [own, other] = trends[0].sideA.includes(eased)
      ? [trends[0].sideA, trends[0].sideB]
      : [trends[0].sideB, trends[0].sideA];
    expect(own).toContain(eased);
    const rising = r.desk.claims.filter((c) => c.kind === 'trend' && c.quote !== 'eased').map((c) => c.id);
    expect(rising.some((id) => other.includes(id))).toBe(true);
  });
});
