/**
 * Growth wording against the figures told right after it: the next sentence's "against"
 * comparison, or two readings of one day by the clock. Articles are invented for these
 * tests and run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extract/index';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const trends = (r: ReturnType<typeof story>) =>
  r.result.conflicts.filter((c) => c.kind === 'trend_contradiction');

describe('a trend and the figures after it', () => {
  it('reads "Consumption climbed" as a trend of consumption, and "Kaskada climbed" as none', () => {
    const { claims } = extractArticle({
      text: 'Consumption climbed on Thursday, the operator said. Kaskada climbed. Shares of Kaskada were traded.',
      publishedAt: '2025-11-20',
    });
    expect(claims.filter((c) => c.kind === 'trend').map((c) => c.value.display)).toEqual(['consumption ↑']);
  });

  it('sets "climbed" against the next sentence’s 8,300 MW against 8,750 MW a week earlier', () => {
    const r = story(
      ' date 2025-11-21 Back to normal\n\nConsumption climbed on Thursday compared with an ordinary weekday, the operator said. At noon the grid carried 8,300 megawatts, against 8,750 megawatts at noon a week earlier.\n',
    );
    expect(
      trends(r)
        .map((c) => c.explanation)
        .join('\n'),
    ).toMatch(/climbed.*8,750 megawatts to 8,300 megawatts/);
  });

  it('sets "climbed through the morning" against 212 at midnight and 64 by 8 a.m.', () => {
    const r = story(
      ' date 2025-09-17 Air quality\n\nNitrogen dioxide readings in the town centre climbed through Wednesday morning, the directorate said. Its monitor near the port recorded 212 micrograms per cubic metre at midnight and 64 by 8 a.m.\n',
    );
    expect(
      trends(r)
        .map((c) => c.explanation)
        .join('\n'),
    ).toMatch(/climbed.*212.*to 64/);
  });

  it('leaves a trend its next sentence bears out', () => {
    const r = story(
      ' date 2025-11-21 Back to normal\n\nConsumption climbed on Thursday compared with an ordinary weekday, the operator said. At noon the grid carried 8,900 megawatts, against 8,750 megawatts at noon a week earlier.\n',
    );
    expect(trends(r)).toHaveLength(0);
  });
});

describe('a count named in the sentence before', () => {
  it('sets "the number of … has risen" against "It now stands at 6, down from 14"', () => {
    const r = story(
      ' date 2026-01-20 Live\n\n10:15 GMT – The number of passengers still unaccounted for has risen, the coastguard said. It now stands at 6, down from 14 this morning, after several were found ashore.\n',
    );
    const found = trends(r);
    expect(found).toHaveLength(1);
    expect(found[0].explanation).toMatch(/\b14\b/);
    expect(found[0].explanation).toMatch(/\b6\b/);
  });

  it('leaves "It" alone when the sentence before counts nothing', () => {
    const r = story(
      ' date 2026-01-20 Live\n\nThe coastguard praised the crews. It now stands at 6 on the list of busiest ports.\n',
    );
    expect(r.desk.claims.filter((c) => c.kind === 'count')).toEqual([]);
  });
});
