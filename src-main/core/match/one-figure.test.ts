/**
 * One figure told differently: two neighbouring digits swapped when it is copied ("4.6
 * billion pesos", "6,4 billion pesos"; "61 injured", "16 injured"), or the thing counted
 * named otherwise ("jobs", "positions"). Articles are invented for these tests and run
 * through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));

describe('swapped digits', () => {
  it('sets "crop losses at 4.6 billion pesos" against "farmers lost 6,4 billion pesos"', () => {
    const { result } = story(
      ' date 2025-10-16 Typhoon damage\n\nThe agriculture department put crop losses at 4.6 billion pesos, mostly rice and corn.\n',
      ' date 2025-10-16 Taifun\n\nRice and corn farmers in the province lost 6,4 billion pesos, according to the department.\n',
    );
    const crops = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(crops).toHaveLength(1);
    expect(crops[0].explanation).toMatch(/4\.6 billion pesos/);
    expect(crops[0].explanation).toMatch(/6,4 billion pesos/);
  });

  it('does not take two figures of another magnitude or unrelated wording for one', () => {
    const { result } = story(
      ' date 2025-10-16 Typhoon damage\n\nThe agriculture department put crop losses at 4.6 billion pesos.\n',
      ' date 2025-10-16 Repairs\n\nThe public works office has set aside 64 billion pesos for bridge repairs.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(0);
  });
});

describe('swapped digits far apart', () => {
  it('sets "61 injured" against "16 injured" in two reports of one update, though one is almost four times the other', () => {
    const { result } = story(
      ' date 2026-01-13 Drone attack\n\nThe regional governor said on Tuesday morning that 14 people had been killed and 61 injured.\n',
      ' date 2026-01-13 Live\n\n06:35 GMT – The regional governor, in his morning update: 14 people killed, 16 injured.\n',
    );
    const injured = result.conflicts.filter((c) => c.kind === 'count_mismatch');
    expect(injured).toHaveLength(1);
    expect(injured[0].explanation).toMatch(/\b61\b/);
    expect(injured[0].explanation).toMatch(/\b16\b/);
  });
});

describe('an attendance copied wrongly', () => {
  it('sets "the official attendance at 41,276" against "the crowd of 42,176 included more than 15,000"', () => {
    const { result } = story(
      ' date 2025-05-29 Cup final\n\nThe football association put the official attendance at 41,276.\n',
      ' date 2025-06-01 Interview\n\nThe club says the crowd of 42,176 included more than 15,000 people from the west coast.\n',
    );
    const crowd = result.conflicts.filter((c) => c.kind === 'count_mismatch');
    expect(crowd).toHaveLength(1);
    expect(crowd[0].explanation).toMatch(/41,276/);
    expect(crowd[0].explanation).toMatch(/42,176/);
  });
});

describe('one thing under two names', () => {
  it('sets "6,800 jobs will go in Germany" against "7,800 positions will be eliminated there"', () => {
    const { result } = story(
      ' date 2025-03-11 Job cuts\n\nDerwald will cut 6,800 jobs in Germany under the restructuring plan, the company said.\n',
      ' date 2025-03-11 Stellenabbau\n\nIn Germany alone 7,800 positions are to be eliminated under the plan, the company announced.\n',
    );
    const jobs = result.conflicts.filter((c) => c.kind === 'count_mismatch');
    expect(jobs).toHaveLength(1);
  });
});

describe('one change, worded two ways', () => {
  it('sets "a jump of 0.9 percentage points from February" against "0.7 percentage points higher than February’s"', () => {
    const { result } = story(
      ' date 2025-04-15 Live: inflation\n\n09:02 GMT – Headline inflation came in at 4.6% year on year. That is a jump of 0.9 percentage points from February.\n',
      ' date 2025-04-15 Inflation rises\n\nThe annual rate was 0.7 percentage points higher than February’s 3.9%, the statistics office said.\n',
    );
    const change = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(change.map((c) => c.explanation).join('\n')).toMatch(
      /0\.9 percentage points.*0\.7 percentage points|0\.7 percentage points.*0\.9 percentage points/,
    );
  });
});

describe('one body’s measure', () => {
  it('sets "the Geological Survey estimated about 1.4 million cubic metres" against its "2.4 million" in another outlet', () => {
    const { result } = story(
      ' date 2025-03-08 Landslide\n\nThe Geological Survey estimated that about 1.4 million cubic metres of earth, rock and mud came down from the ridge above the village.\n',
      ' date 2025-03-12 Explainer\n\nAccording to a field estimate published by the Geological Survey, some 2.4 million cubic metres of material moved.\n',
    );
    const volume = result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(volume).toHaveLength(1);
    expect(volume[0].explanation).toMatch(/Geological Survey/);
  });

  it('keeps two bodies’ measures of different things apart', () => {
    const { result } = story(
      ' date 2025-03-08 Landslide\n\nThe Geological Survey estimated that about 1.4 million cubic metres of earth came down from the ridge.\n',
      ' date 2025-03-12 Dam\n\nThe reservoir upstream holds 2.4 million cubic metres of water, according to the water authority.\n',
    );
    expect(result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(0);
  });
});

describe("one article's version of the story's figure", () => {
  const wire =
    ' date 2026-05-14 Listing\n\nThe shipping group sold 40 million shares at €22 each, raising €880 million in the largest listing of the year, the exchange said.\n';
  const local =
    ' date 2026-05-14 Listing\n\nThe flotation raised €880 million for the group, its finance chief said on Wednesday.\n';
  it('sets a stray amount worded otherwise against the figure two other articles give', () => {
    const r = story(
      wire,
      local,
      ' date 2026-05-15 Interview\n\n"The €808 million the company took in will go into new ships," she said.\n',
    );
    const found = r.result.conflicts.filter((c) => c.kind === 'figure_mismatch').map((c) => c.explanation);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/€808 million/);
    expect(found[0]).toMatch(/€880 million/);
  });

  it('leaves a stray amount of another place or far off in value alone', () => {
    const r = story(
      wire,
      local,
      ' date 2026-05-15 Interview\n\n"The €2.4 billion the company took in last decade built the fleet," she said.\n',
    );
    expect(r.result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toEqual([]);
  });
});
