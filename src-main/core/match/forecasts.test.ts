/**
 * Forecasts: values listed by period ("3.1% this year and 2.4% in 2027"), a trend noun that
 * names a measure ("its growth forecast"), and revisions up or down. Articles invented for
 * the test, run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const conflicts = (r: ReturnType<typeof story>, kind: string) =>
  r.result.conflicts.filter((c) => c.kind === kind).map((c) => c.explanation);

describe('forecasts', () => {
  it('reads the second value of "3.1% this year and 2.4% in 2027" as the same forecast for 2027', () => {
    const r = story(
      ' date 2026-11-05 Bank cuts\n\nThe bank forecast inflation to average 3.1% this year and 2.4% in 2027 before returning to target in 2028.\n',
      ' date 2026-11-06 Interview\n\nThe bank sees inflation averaging 3.1% this year and 2.6% in 2027, and only reaching the target later.\n',
    );
    const found = conflicts(r, 'figure_mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/2\.4%/);
    expect(found[0]).toMatch(/2\.6%/);
  });

  it('sets a forecast raised against the same forecast trimmed, and does not read "growth forecast" as growth', () => {
    const r = story(
      ' date 2026-11-05 Bank cuts\n\nThe bank trimmed its 2027 growth projection to 1.2% from 1.4%, citing weaker exports.\n',
      ' date 2026-11-05 Rate cut\n\nThe bank raised its growth forecast for 2027, the governor said.\n',
    );
    const found = conflicts(r, 'trend_contradiction');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/trimmed/);
    expect(found[0]).toMatch(/raised/);
    const trends = r.desk.claims.filter((c) => c.kind === 'trend').map((c) => c.quote);
    expect(trends).not.toContain('growth');
  });
});
