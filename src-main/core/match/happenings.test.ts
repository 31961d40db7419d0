/**
 * Dates of happenings no event word names: a runway overrun, a trial, an auction. Articles
 * are invented for these tests and run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const dateConflicts = (r: ReturnType<typeof story>) =>
  r.result.conflicts.filter((c) => c.kind === 'date_mismatch').map((c) => c.explanation);

describe('dates of one happening', () => {
  it('sets the day one lead gives against the day two others give, once', () => {
    const r = story(
      ' date 2026-11-27 Jet overruns runway\n\nBERGVIK, Nov 27 (Wire) – A passenger jet ran off the end of the runway at Bergvik airport on Thursday night after its crew declared an emergency, police said.\n',
      ' date 2026-11-27 Runway closed\n\nA holiday flight skidded past the end of the main runway at Bergvik airport on Thursday evening, leaving the jet nose-down in the snow.\n',
      ' date 2026-11-27 Landung im Schnee\n\nA dramatic landing in Norway: a Boeing shot past the end of the runway at Bergvik airport on Wednesday evening and came to a stop in a field.\n',
    );
    const found = dateConflicts(r);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/2 articles date it Thursday.*against Wednesday/);
  });

  it('checks the weekday of an undated copy against the day the dated articles give', () => {
    const r = story(
      " date 2025-03-07 Record sale\n\nThe painting sold for £78.52 million at Ashcombe's auction house in London on Thursday, the highest price paid for a living artist.\n",
      "Explainer: the record sale\n\nThe canvas became the most expensive work by a living artist when it went under the hammer at Ashcombe's auction house in London on Friday evening.\n",
    );
    expect(dateConflicts(r).join('\n')).toMatch(/Thursday.*Friday/);
  });

  it('does not set the days of a tally against each other', () => {
    const r = story(
      ' date 2025-11-26 Strike halts trains\n\nThe operator said it had cancelled 6,200 of its 7,400 daily passenger services on Wednesday.\n',
      ' date 2025-11-27 Second day\n\nIt cancelled 5,900 daily passenger services on Thursday, after 6,200 on the first day.\n',
    );
    expect(dateConflicts(r)).toEqual([]);
  });

  it('does not set a day given in GMT against the local day', () => {
    const r = story(
      ' date 2026-02-20 Lander on the Moon\n\nThe lander touched down on the Moon early on Friday about 48 km from the lunar south pole, the space agency said.\n',
      ' date 2026-02-20 Touchdown\n\nThe lander touched down on the Moon at 22:42 GMT on Thursday, about 48 km from the lunar south pole.\n',
    );
    expect(dateConflicts(r).join('\n')).not.toMatch(/Friday.*Thursday|Thursday.*Friday/);
  });
});
