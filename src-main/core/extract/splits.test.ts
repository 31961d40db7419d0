/**
 * Vote splits and match scores read as one result, compared as a pair. Sentences and
 * articles invented for the test; the match runs through the real desk pipeline.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';
import { runStory } from '../match/test-desk';

const claimsOf = (text: string) => extractArticle({ text, publishedAt: '2025-06-12' }).claims;

describe('vote splits and scores', () => {
  it('reads "voted 6-3", "won 2–1", "a 7-2 vote" and "lost 1-2" as results, not counts or times', () => {
    const claims = claimsOf(
      'The committee voted 6-3. Rivers won 2–1 after a 7-2 vote. Arsenal lost 1-2. It was 2:0 in the 77th minute.',
    );
    expect(
      claims.filter((c) => c.value.type === 'figure' && c.value.unit === 'split').map((c) => c.value.display),
    ).toEqual(['6-3', '2–1', '7-2', '1-2']);
    expect(claims.filter((c) => c.kind === 'count' || c.kind === 'time')).toEqual([]);
  });

  it('sets "voted 6-3" against "voted 7-2" on one decision, and "won 2-1" agrees with "lost 1-2"', () => {
    const votes = runStory([
      {
        source: '01-wire.txt',
        text: ' date 2025-06-12 Rate cut\n\nThe Monetary Policy Committee voted 6-3 for the reduction, the bank said.\n',
      },
      {
        source: '02-local.txt',
        text: ' date 2025-06-12 Bank cuts\n\nThe bank’s Monetary Policy Committee voted 7-2 to lower the rate.\n',
      },
    ]);
    const split = votes.result.conflicts.filter((c) => c.kind === 'figure_mismatch');
    expect(split).toHaveLength(1);
    expect(split[0].explanation).toMatch(/6-3.*7-2|7-2.*6-3/);

    const match = runStory([
      {
        source: '01-wire.txt',
        text: ' date 2025-06-12 Final\n\nRivers United won 2-1 against Harbour City in the cup final.\n',
      },
      {
        source: '02-local.txt',
        text: ' date 2025-06-12 Final\n\nHarbour City lost 1-2 to Rivers United in the cup final.\n',
      },
    ]);
    expect(match.result.conflicts.filter((c) => c.kind === 'figure_mismatch')).toHaveLength(0);
  });
});
