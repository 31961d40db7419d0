/**
 * Ranges ("7-9%", "between 8 and 10 percent", "between 300 and 400 people") are one claim
 * with two ends. Articles invented for the test, run through the real extractor and matcher.
 */
import { describe, expect, it } from 'vitest';
import { runStory } from './test-desk';

const story = (...texts: string[]) =>
  runStory(texts.map((text, i) => ({ source: `0${i + 1}-outlet.txt`, text })));
const quoted = (r: ReturnType<typeof story>, kind: string) =>
  r.desk.claims.filter((c) => c.kind === kind).map((c) => c.quote);
const conflicts = (r: ReturnType<typeof story>, kind: string) =>
  r.result.conflicts.filter((c) => c.kind === kind).map((c) => c.explanation);

describe('ranges', () => {
  it('reads a range as one claim, not as its upper end', () => {
    const r = story(
      ' date 2026-10-22 Guidance raised\n\nThe group raised its organic growth target to 7-9% from 4-6% previously. Between 300 and 400 people were injured, and 20 to 30 homes were destroyed. The painting was estimated at £45 million to £60 million.\n',
    );
    expect(quoted(r, 'figure')).toEqual(
      expect.arrayContaining(['7-9%', '4-6%', '£45 million to £60 million']),
    );
    expect(quoted(r, 'count')).toEqual(
      expect.arrayContaining(['Between 300 and 400 people', '20 to 30 homes']),
    );
    expect(quoted(r, 'figure')).not.toContain('9%');
    expect(quoted(r, 'count')).not.toContain('400 people');
  });

  it('keeps a change from one level to another as two values', () => {
    const r = story(' date 2026-10-22 Sales\n\nOrganic growth rose from 4% to 6% in the quarter.\n');
    expect(quoted(r, 'figure')).toEqual(['4%', '6%']);
  });

  it('sets two different ranges for one forecast against each other', () => {
    const r = story(
      ' date 2026-10-22 Guidance raised\n\nThe group raised its full-year organic growth target to 7-9%, the company said.\n',
      ' date 2026-10-23 Interview\n\nThe company raised its forecast for organic growth this year to between 8 and 10 percent.\n',
    );
    const found = conflicts(r, 'figure_mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/7-9%|7–9%/);
    expect(found[0]).toMatch(/8 and 10 percent|8–10%/);
  });

  it('does not flag a number that lies within another outlet’s range', () => {
    const r = story(
      ' date 2025-02-06 Quake\n\nBetween 300 and 400 people were injured in the quake, the health ministry said.\n',
      ' date 2025-02-06 Quake\n\nThe health ministry said 350 people were injured in the quake.\n',
    );
    expect(conflicts(r, 'count_mismatch')).toEqual([]);
  });

  it('flags a number outside another outlet’s range', () => {
    const r = story(
      ' date 2025-02-06 Quake\n\nBetween 300 and 400 people were injured in the quake, the health ministry said.\n',
      ' date 2025-02-06 Quake\n\nThe health ministry said 520 people were injured in the quake.\n',
    );
    expect(conflicts(r, 'count_mismatch')).toHaveLength(1);
  });
});

describe('movements that end at a value', () => {
  it('reads "edged up to 61.8%" as the value it reached, not as a ceiling that 61.5% would meet', () => {
    const r = story(
      ' date 2026-04-02 Jobs\n\nThe share of adults in work edged up to 61.8%, the office said.\n',
      ' date 2026-04-02 Jobs\n\nThe share of adults in work was unchanged at 61.5%, the office said.\n',
    );
    expect(conflicts(r, 'figure_mismatch').join('\n')).toMatch(/61\.8%.*61\.5%|61\.5%.*61\.8%/);
  });

  it('still reads "up to 61.8%" after a noun as a ceiling', () => {
    const r = story(
      ' date 2026-04-02 Jobs\n\nThe share of adults in work could reach up to 61.8%, the office said.\n',
      ' date 2026-04-02 Jobs\n\nThe share of adults in work could reach 61.5%, the office said.\n',
    );
    expect(conflicts(r, 'figure_mismatch')).toEqual([]);
  });
});
