/**
 * An article that lists a very long series of years (a data dump pasted as text) used
 * to break matching for good: the article's years were spread into Math.max, which
 * overflows the call stack past about 120,000 arguments.
 */
import { describe, expect, it } from 'vitest';
import { matchClaims } from './match';
import type { MatchClaim } from './types';

describe('matching an article with 150,000 dated claims', () => {
  it('completes instead of overflowing the stack', () => {
    const claims: MatchClaim[] = [];
    const sentence = 'The register lists 1901 among the years.';
    for (let i = 0; i < 150_000; i++) {
      const year = String(1901 + (i % 120));
      claims.push({
        id: i + 1,
        articleId: 1,
        publishedAt: null,
        kind: 'date',
        start: i * 50 + 19,
        end: i * 50 + 23,
        quote: year,
        sentence: sentence.replace('1901', year),
        sentenceStart: i * 50,
        subject: null,
        scope: null,
        value: {
          type: 'date',
          date: year,
          end: null,
          granularity: 'year',
          weekday: null,
          part: null,
          event: null,
          display: year,
        },
        entityKeys: [],
      });
    }
    const r = matchClaims(claims);
    expect(r.facts.flatMap((f) => f.claimIds)).toHaveLength(150_000);
  }, 60_000);
});
