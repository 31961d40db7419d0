/**
 * What the matcher reads with each claim. An ordinary sentence is read whole; a register
 * of thousands of years in one "sentence" is read in shared tiles, so its claims share a
 * few hundred windows instead of each bringing its own, and every claim still sits inside
 * its window with room on either side.
 */
import { describe, expect, it } from 'vitest';
import { matchWindow, SEARCH_SENTENCE_MAX } from './store';

describe('the window a claim is matched with', () => {
  it('is the whole sentence when the sentence is within the limit', () => {
    expect(
      matchWindow({ start: 120, end: 124, sentence_start: 100, sentence_end: 100 + SEARCH_SENTENCE_MAX }),
    ).toEqual({
      from: 100,
      to: 100 + SEARCH_SENTENCE_MAX,
    });
  });

  it('is shared by the claims of one stretch of a long sentence, each inside it with context around', () => {
    const sentence = { sentence_start: 50, sentence_end: 50 + 3_000_000 };
    const windows = new Set<string>();
    for (let at = 70; at < sentence.sentence_end - 10; at += 24) {
      const claim = { start: at, end: at + 4, ...sentence };
      const w = matchWindow(claim);
      windows.add(`${w.from}-${w.to}`);
      expect(w.from).toBeGreaterThanOrEqual(sentence.sentence_start);
      expect(w.to).toBeLessThanOrEqual(sentence.sentence_end);
      expect(w.to - w.from).toBeLessThanOrEqual(SEARCH_SENTENCE_MAX);
      // At least a quarter of the limit of text before and after the claim, unless the sentence ends first.
      expect(claim.start - w.from).toBeGreaterThanOrEqual(
        Math.min(SEARCH_SENTENCE_MAX / 4, claim.start - sentence.sentence_start),
      );
      expect(w.to - claim.end).toBeGreaterThanOrEqual(
        Math.min(SEARCH_SENTENCE_MAX / 4, sentence.sentence_end - claim.end),
      );
    }
    // 125,000 claims, 3,000 windows.
    expect(windows.size).toBe(3_000_000 / (SEARCH_SENTENCE_MAX / 2));
  });
});
