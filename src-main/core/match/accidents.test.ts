/**
 * Accident and response reporting: when a ship ran aground (a clock time worded with
 * another verb in each outlet), the most a law allows ("up to"), and a response that
 * grows day by day ("now", "on Sunday"). Articles are invented for these tests and run
 * through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extract/index';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));

describe('the moment of an accident', () => {
  it('sets "hit the reef at 03:40 local (00:40 GMT)" against "struck the reef at 01:40 GMT"', () => {
    const { result } = story(
      ' date 2025-03-08 Freighter aground\n\nThe Alba Veronika, a bulk carrier operated by a Rotterdam firm, hit Kestrel Shoal at 03:40 local time (00:40 GMT) while sailing for the port, the coastguard said.\n',
      ' date 2025-03-08 Live: freighter aground\n\n09:10 GMT – For readers just joining: the Alba Veronika struck Kestrel Shoal at 01:40 GMT, and all crew are safe.\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times).toHaveLength(1);
    expect(times[0].explanation).toMatch(/00:40 UTC/);
    expect(times[0].explanation).toMatch(/01:40 GMT/);
  });

  it('keeps apart two clock times of one article about different things', () => {
    const { result } = story(
      ' date 2025-03-08 Freighter aground\n\nThe Alba Veronika hit Kestrel Shoal at 03:40 local time (00:40 GMT). Tugs reached the ship at 07:15 local time (04:15 GMT).\n',
      ' date 2025-03-08 Grounding\n\nThe Alba Veronika struck Kestrel Shoal at 00:40 GMT, the coastguard said.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'date_mismatch')).toHaveLength(0);
  });
});

describe('a ceiling', () => {
  it('sets "a fine of up to 1.2 million euros" against "the maximum fine under the 2019 law is €2.1 million"', () => {
    const { result } = story(
      ' date 2025-03-09 Operator faces fine\n\nUnder the marine pollution rules the operator could face a fine of up to 1.2 million euros, a ministry lawyer said.\n',
      ' date 2025-03-10 Explainer\n\nThe maximum fine under the 2019 marine pollution law is €2.1 million, a ministry spokeswoman said.\n',
    );
    const fines = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(fines).toHaveLength(1);
    expect(fines[0].explanation).toMatch(/1\.2 million euros/);
    expect(fines[0].explanation).toMatch(/€2\.1 million/);
  });

  it('does not set a floor ("at least 312 dead") against a smaller count of another thing', () => {
    const { result } = story(
      ' date 2025-03-09 Quake\n\nAt least 312 people were killed, the civil protection agency said.\n',
      ' date 2025-03-09 Quake\n\nRescuers pulled 214 people alive from the rubble, the agency said.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'count_mismatch')).toHaveLength(0);
  });
});

describe('a response that grows', () => {
  it('reads "the slick now covers 62 km²" on its own day, not against "38.5 km² on Sunday"', () => {
    const { result } = story(
      ' date 2025-03-09 Slick spreads\n\nSatellite images analysed on Sunday showed a slick covering 38.5 square kilometres, the coastguard said.\n',
      ' date 2025-03-11 Live: the spill\n\n11:45 GMT – The coastguard says the slick now covers 62 square kilometres, based on this morning’s satellite pass.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(0);
  });

  it('still sets two readings of one day against each other', () => {
    const { result } = story(
      ' date 2025-03-11 Slick spreads\n\nSatellite images analysed on Tuesday showed a slick covering 45 square kilometres, the coastguard said.\n',
      ' date 2025-03-11 Live: the spill\n\n11:45 GMT – The coastguard says the slick now covers 62 square kilometres, based on this morning’s satellite pass.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(1);
  });

  it('sets a figure stated twice as holding now against itself across articles, without a day', () => {
    const { result } = story(
      ' date 2025-03-11 Census\n\nThe median age rose to 44.7 years from 42.1 years in 2016, according to the statistics office.\n',
      ' date 2025-03-13 Interview\n\nThe median age is now 45.7 years, the demographer said.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(1);
  });

  it('reads "1.2 million still without power by 18:00" and "21:30 GMT – 900,000 remain" as two hours, not one', () => {
    const { result } = story(
      ' date 2025-11-19 Blackout\n\nBy 18:00 local time, 1.2 million customers were still without electricity, the grid operator said.\n',
      ' date 2025-11-19 Live: blackout\n\n21:30 GMT – The grid operator’s latest bulletin: around 900,000 customers remain without electricity.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'count_mismatch')).toHaveLength(0);
  });

  it('still sets two readings of one hour against each other', () => {
    const { result } = story(
      ' date 2025-11-19 Blackout\n\nAt 21:30 GMT, 1.2 million customers were still without electricity, the grid operator said.\n',
      ' date 2025-11-19 Live: blackout\n\n21:30 GMT – The grid operator’s latest bulletin: around 900,000 customers remain without electricity.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'count_mismatch')).toHaveLength(1);
  });
});

describe('a time followed by a number', () => {
  it('keeps "At 21:30 GMT, 1.2 million customers" apart: the comma and number are no zone offset', () => {
    const { claims } = extractArticle({
      text: 'At 21:30 GMT, 1.2 million customers were still without electricity. The fault began at 14:05 GMT+2.',
      publishedAt: '2025-11-19',
    });
    expect(claims.filter((c) => c.kind === 'time').map((c) => c.value.display)).toEqual([
      '21:30 GMT',
      '14:05 GMT+2 (12:05 UTC)',
    ]);
    expect(
      claims.some((c) => c.kind === 'count' && c.value.type === 'count' && c.value.count === 1_200_000),
    ).toBe(true);
  });
});

describe('a part of a counted whole', () => {
  it('sets "4.6 million of the country’s 5.2 million customers" against "5.1 million customers lost power"', () => {
    const { result } = story(
      ' date 2025-11-19 Blackout\n\nAt the peak, 4.6 million of the country’s 5.2 million electricity customers were without supply, according to the grid operator.\n',
      ' date 2025-11-19 Live: blackout\n\n13:20 GMT – The energy minister tells state television that 5.1 million customers lost power at the height of the outage.\n',
    );
    const peak = result.conflicts.filter((c) => c.kind === 'count_mismatch');
    expect(peak).toHaveLength(1);
    expect(peak[0].explanation).toMatch(/4\.6 million/);
    expect(peak[0].explanation).toMatch(/5\.1 million/);
  });
});

describe('the moment of a blast', () => {
  it('sets "the explosion happened at 21:47 local (18:47 GMT)" against "before the blast at 19:47 GMT"', () => {
    const { result } = story(
      ' date 2025-09-17 Port blast\n\nThe explosion happened at 21:47 local time (18:47 GMT) in a warehouse at the port, officials said.\n',
      ' date 2025-09-19 Shares slump\n\nEgemen stock closed down 23% from its close before the blast at 19:47 GMT on Tuesday.\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times).toHaveLength(1);
    expect(times[0].explanation).toMatch(/19:47 GMT/);
  });

  it('takes "shortly before 10pm local time" as agreeing with 21:47 local time', () => {
    const { result } = story(
      ' date 2025-09-17 Port blast\n\nThe explosion happened at 21:47 local time in a warehouse run by the fertiliser maker, officials said.\n',
      ' date 2025-09-17 What happened\n\nThe warehouse of the fertiliser maker exploded shortly before 10pm local time, officials said.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'date_mismatch')).toHaveLength(0);
  });

  it('still sets "shortly before 10pm" against 20:30 the same evening', () => {
    const { result } = story(
      ' date 2025-09-17 Port blast\n\nThe explosion happened at 20:30 local time in a warehouse run by the fertiliser maker, officials said.\n',
      ' date 2025-09-17 What happened\n\nThe warehouse of the fertiliser maker exploded shortly before 10pm local time, officials said.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'date_mismatch')).toHaveLength(1);
  });
});

describe('a measure of years ago', () => {
  it('does not set today’s 260 km/h winds against a 2020 typhoon’s 285 km/h', () => {
    const { result } = story(
      ' date 2025-10-14 Typhoon\n\nThe typhoon made landfall with sustained winds of 260 km/h, the weather service said.\n',
      ' date 2025-10-15 Explainer\n\nSuper Typhoon Yasmin crossed the province in November 2020 with sustained winds of 285 km/h.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(0);
  });

  it('still sets two outlets’ winds of the same landfall against each other', () => {
    const { result } = story(
      ' date 2025-10-14 Typhoon\n\nThe typhoon made landfall with sustained winds of 260 km/h, the weather service said.\n',
      ' date 2025-10-15 Explainer\n\nThe typhoon came ashore with sustained winds of 290 km/h, according to the weather service.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(1);
  });
});

describe('the moment of an attack', () => {
  it('sets "the first explosions came shortly after 01:15 local time (23:15 GMT)" against "the attack began at 00:15 GMT"', () => {
    const { result } = story(
      ' date 2026-01-13 Drones hit port\n\nResidents said the first explosions came shortly after 01:15 local time (23:15 GMT), about 25 minutes after sirens sounded.\n',
      ' date 2026-01-14 Analysis\n\nThe attack began at 00:15 GMT and lasted until shortly after dawn.\n',
    );
    const times = result.conflicts.filter((c) => c.kind === 'date_mismatch');
    expect(times).toHaveLength(1);
    expect(times[0].explanation).toMatch(/00:15 GMT/);
  });
});
