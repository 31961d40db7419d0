/**
 * Money in crowns and share prices through a trading day. Articles invented for the test,
 * run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const figures = (r: ReturnType<typeof story>) =>
  r.result.conflicts.filter((c) => c.kind === 'figure_mismatch').map((c) => c.explanation);

describe('crowns', () => {
  it('reads "1.78 billion crowns" and "SEK 1.87 billion" as one currency and flags the two forecasts', () => {
    const r = story(
      ' date 2026-10-22 Profit beats\n\nOperating profit beat the 1.78 billion crowns expected by analysts in a poll.\n',
      ' date 2026-10-22 Live\n\nAnalysts polled by the data provider had expected SEK 1.87 billion for operating profit.\n',
    );
    expect(figures(r).join('\n')).toMatch(
      /1\.78 billion crowns.*SEK 1\.87 billion|SEK 1\.87 billion.*1\.78 billion crowns/,
    );
  });
});

describe('share prices through the day', () => {
  it('sets two closing moves against each other but not a morning high against the close', () => {
    const r = story(
      ' date 2026-10-22 Shares jump\n\nThe stock closed up 5.4% at 240.40 crowns, the best performer on the index.\n',
      ' date 2026-10-22 Live\n\n07:12 GMT – Varnholm shares are now up 8.9% at SEK 248.40, their highest intraday level since March.\n\n15:40 GMT – The stock closed up 5.4% at SEK 240.40, off the morning high.\n',
      ' date 2026-10-23 Interview\n\nThe shares closed 4.5% higher on the day of the report.\n',
    );
    const found = figures(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/5\.4%/);
    expect(found[0]).toMatch(/4\.5%/);
    expect(found.join('\n')).not.toMatch(/8\.9%|248\.40/);
  });
});

describe('two values in one article', () => {
  it('keeps this month’s rate and last month’s apart, so only the outlets disagreeing on one are set against each other', () => {
    const r = story(
      ' date 2025-04-15 Inflation jumps\n\nAnnual inflation rose to 4.6% in March, the statistics office said. A month earlier the annual rate had been 3.9%, the office said.\n',
      ' date 2025-04-15 Prices climb\n\nAnnual inflation climbed to 4.4% in March, the highest in two years, the statistics office said.\n',
    );
    const found = figures(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/4\.6%/);
    expect(found[0]).toMatch(/4\.4%/);
    expect(found[0]).not.toMatch(/3\.9%/);
  });
});

describe('bond yields of different maturities', () => {
  it('does not set the 10-year yield’s move against the two-year yield’s', () => {
    const r = story(
      ' date 2026-11-05 Markets\n\nThe 10-year yield fell 6 basis points on Thursday, the central bank said.\n',
      ' date 2026-11-05 Markets\n\nThe two-year yield fell 11 basis points on Thursday, traders said.\n',
    );
    expect(r.result.conflicts).toEqual([]);
  });

  it('sets two outlets’ moves of the ten-year yield against each other', () => {
    const r = story(
      ' date 2026-11-05 Markets\n\nThe 10-year yield fell 6 basis points on Thursday, the central bank said.\n',
      ' date 2026-11-05 Markets\n\nThe ten-year yield fell 9 basis points on Thursday, traders said.\n',
    );
    expect(r.result.conflicts.map((c) => c.explanation).join('\n')).toMatch(
      /6 basis points.*9 basis points|9 basis points.*6 basis points/,
    );
  });
});
