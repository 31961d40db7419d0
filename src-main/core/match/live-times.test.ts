/**
 * Times of day from live pages and local papers: an entry's timestamp that tells what
 * happens as it is written, and a bare clock time set against a local one. Articles
 * invented for the test, run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const times = (r: ReturnType<typeof story>) =>
  r.result.conflicts.filter((c) => c.kind === 'date_mismatch').map((c) => c.explanation);

describe('live-page timestamps', () => {
  const wire =
    ' date 2026-11-05 Bank cuts rate\n\nGovernor Ilse Aurenz told reporters at a press conference at 14:30 local time (13:30 GMT) that the committee saw little pressure on prices.\n';

  it('keeps the stamp of an entry that tells what happens now, and sets it against another outlet', () => {
    const r = story(
      wire,
      ' date 2026-11-05 Live\n\n13:00 GMT – Good afternoon and welcome to our coverage.\n\n14:30 GMT – Aurenz begins her press conference.\n',
    );
    const found = times(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/14:30 GMT/);
    expect(found[0]).toMatch(/13:30 GMT|14:30 local/);
  });

  it('keeps the stamp of a two-word entry ("Quelhue erupts.")', () => {
    const r = story(
      ' date 2026-11-25 Volcano\n\nThe Quelhue volcano began erupting at 14:52 local time (17:52 GMT) on Tuesday, the observatory said.\n',
      ' date 2026-11-25 Live\n\n16:52 GMT – Quelhue erupts.\n',
    );
    const found = times(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/16:52 GMT/);
  });

  it('does not treat the stamp of a reported entry as a claim', () => {
    const r = story(
      wire,
      ' date 2026-11-05 Live\n\n15:30 GMT – Aurenz says at her press conference that prices are easing.\n',
    );
    expect(r.desk.claims.filter((c) => c.kind === 'time').map((c) => c.quote)).not.toContain('15:30 GMT');
    expect(times(r)).toEqual([]);
  });
});

describe('bare clock times', () => {
  it('sets a local paper’s bare "13:30" against "12:30 local time" for one departure', () => {
    const r = story(
      ' date 2026-11-19 March\n\nThe march set off from Ergaton Square at 12:30 local time (10:30 GMT), police said.\n',
      ' date 2026-11-19 Crowds fill the centre\n\nThe procession set off from Ergaton Square shortly after 13:30, led by nurses.\n',
    );
    const found = times(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/13:30/);
    expect(found[0]).toMatch(/12:30/);
  });

  it('leaves a live page’s bare time alone when the page keeps time in GMT', () => {
    const r = story(
      ' date 2026-11-19 March\n\nThe march set off from Ergaton Square at 12:30 local time (10:30 GMT), police said.\n',
      ' date 2026-11-19 Live\n\n10:40 GMT – Police said the march had set off from Ergaton Square at 10:30 GMT.\n\n11:00 GMT – The head of the march set off from Ergaton Square at 10:30, the organisers said.\n',
    );
    expect(times(r)).toEqual([]);
  });
});

describe('one moment written twice', () => {
  it('keeps "4:52 a.m. (0352 GMT)" together and sets both against another article\'s 02:52 GMT', () => {
    const r = runStory(
      [
        ' date 2025-11-16 Live\n\n07:35 CET – Police confirm the break-in happened at 04:52 local time (03:52 GMT).\n',
        ' date 2025-11-17 Wire\n\nThe thieves cut through the bars of a window facing the canal at 4:52 a.m. (0352 GMT), the prosecutor said.\n',
        ' date 2025-11-20 Explainer\n\nThey cut through the bars of a window on the canal at 02:52 GMT, investigators say.\n',
      ].map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })),
    );
    const times = r.result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times).toHaveLength(1);
    const ids = [...times[0].sideA, ...times[0].sideB];
    const quotes = ids.map((id) => r.desk.claims.find((c) => c.id === id)!.quote);
    expect(quotes).toEqual(expect.arrayContaining(['02:52 GMT', '4:52 a.m.', '0352 GMT', '03:52 GMT']));
  });
});
