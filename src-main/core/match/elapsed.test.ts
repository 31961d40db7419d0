/**
 * Race times and margins written like clocks ("won in 2:00:28", "1:19 behind"), and
 * thousands written with dots in a translated article ("150.000 euro"). Articles are
 * invented for these tests and run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extract/index';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));

describe('elapsed times', () => {
  it('reads a winning time, a margin and a time to beat as lengths of time, not times of day', () => {
    const { claims } = extractArticle({
      text: 'Dorota Wilk won in 2:21:07, finishing 1:19 behind the course record by a margin no one expected, and became the first woman to break 2:22 here. The race started at 8:30.',
      publishedAt: '2025-04-13',
    });
    const times = claims.filter((c) => c.kind === 'time').map((c) => c.value.display);
    expect(times).toEqual(['08:30']);
    const lengths = claims.filter((c) => c.value.type === 'figure' && c.value.unit === 'seconds');
    expect(lengths.map((c) => c.value.display)).toEqual(['2:21:07']);
  });

  it('reads a pace ("2:51 per kilometre") as no time of day, and "8.30 uur" as a local clock time', () => {
    const { claims } = extractArticle({
      text: 'The elite field started at 8.30 uur. Wilk averaged 2:51 per kilometre, or roughly 4:36 per mile.',
      publishedAt: '2025-04-13',
    });
    expect(claims.filter((c) => c.kind === 'time').map((c) => c.value.display)).toEqual(['08:30 local']);
  });

  it('sets two winning times of one race against each other, in any notation', () => {
    const { result } = story(
      ' date 2025-04-13 Wilk wins\n\nDorota Wilk won the Harbour Marathon in 2:21:07 on Sunday, the organisers said.\n',
      ' date 2025-04-13 Wilk wint\n\nDorota Wilk won the Harbour Marathon in 2.21.17, a result the organisers confirmed.\n',
    );
    const disputes = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(disputes).toHaveLength(1);
    expect(disputes[0].explanation).toMatch(/2:21:07/);
    expect(disputes[0].explanation).toMatch(/2\.21\.17/);
  });

  it('does not call a record time outdone by a slower time of years ago', () => {
    const { result } = story(
      ' date 2025-04-13 Record falls\n\nDorota Wilk set a course record of 2:19:40 at the Harbour Marathon on Sunday.\n',
      ' date 2025-04-14 Explainer\n\nThe Harbour Marathon course record used to be Anna Brzoza’s 2:24:11, run in 1998.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'novelty_vs_precedent')).toHaveLength(0);
  });
});

describe('thousands with dots', () => {
  it('reads "150.000 euro" in a translated article as a hundred and fifty thousand', () => {
    const { result } = story(
      ' date 2025-04-13 Record bonus\n\nThe sponsor pays a €100,000 world-record bonus, the organisers said. The race started at 8:30.\n',
      ' date 2025-04-13 Recordpremie\n\nThe start was at 8.30 uur. According to the organisers the winner receives a world record bonus of 150.000 euro from the main sponsor.\n',
    );
    const bonus = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(bonus).toHaveLength(1);
    expect(bonus[0].explanation).toMatch(/150\.000 euro/);
    expect(bonus[0].explanation).toMatch(/€100,000/);
  });
});

describe('a start, however worded', () => {
  it('sets "set off at 08:30 local time (06:30 GMT)" against "the 07:30 GMT start"', () => {
    const { result } = story(
      ' date 2025-04-13 Wilk wins\n\nThe elite field set off at 08:30 local time (06:30 GMT) under a grey sky, organisers said.\n',
      ' date 2025-04-14 The course\n\nThe Harbour Marathon begins early: the 07:30 GMT start meant the leaders finished before the crowds peaked.\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times).toHaveLength(1);
    expect(times[0].explanation).toMatch(/07:30 GMT/);
  });
});

describe('a first trade', () => {
  it('sets "opened at €25.80 at 9:17 a.m. local time (0817 GMT)" against "the first trade crossed at 09:17 GMT"', () => {
    const { result } = story(
      ' date 2025-03-12 Debut\n\nThe stock opened at €25.80 at 9:17 a.m. local time (0817 GMT), above the offer price.\n',
      ' date 2025-03-19 One week on\n\nOn the morning of the debut, the first trade crossed at 09:17 GMT.\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times).toHaveLength(1);
    expect(times[0].explanation).toMatch(/09:17 GMT/);
  });
});
